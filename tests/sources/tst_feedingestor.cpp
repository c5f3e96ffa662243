// Feed events folded into the store give the same report as the same facts from a database.
#include "analyzer.h"
#include "eventstore.h"
#include "feedingestor.h"
#include "feedparser.h"
#include "liveanalytics.h"

#include <QTest>

using namespace StateScope;

class TestFeedIngestor : public QObject
{
    Q_OBJECT

private slots:
    void executionsAndTransitions();
    void outOfOrderEventsKeepTimeOrder();
    void operationalEvents();
    void recoveryDataLossFromFrames();
    void stableExecutionsFillTheSameStore();
};

static FeedEvent transition(const char *execution, const char *from, const char *to, TimeMs at)
{
    FeedEvent e;
    e.type = FeedEventType::Transition;
    e.workflowId = "wf";
    e.executionId = execution;
    e.fromState = from;
    e.toState = to;
    e.time = at;
    return e;
}

static FeedEvent started(const char *execution, const char *state, TimeMs at)
{
    FeedEvent e;
    e.type = FeedEventType::ExecutionStarted;
    e.workflowId = "wf";
    e.executionId = execution;
    e.stateName = state;
    e.time = at;
    return e;
}

void TestFeedIngestor::executionsAndTransitions()
{
    EventStore store;
    LiveAnalytics live;
    FeedIngestor ingestor(store, &live);
    FeedEvent done;
    done.type = FeedEventType::ExecutionCompleted;
    done.workflowId = "wf";
    done.executionId = "a";
    done.time = 3000;
    ingestor.apply({started("a", "new", 0), transition("a", "new", "work", 1000), transition("a", "work", "done", 3000), done,
                    started("b", "new", 500), transition("b", "new", "work", 2500)});
    QCOMPARE(store.executionCount(), 2u);
    QCOMPARE(store.transitionCount(), 3u);
    QCOMPARE(ingestor.counters().transitions, quint64(3));
    QCOMPARE(ingestor.counters().events, quint64(6));
    QCOMPARE(store.executionStatus(store.findExecution("a")), ExecutionStatus::Completed);
    QCOMPARE(store.executionEntryTime(store.findExecution("b")), TimeMs(500));
    QCOMPARE(ingestor.latestEventTime(), TimeMs(3000));

    const AnalysisReport r = analyze(store, AnalysisOptions());
    const int fresh = r.stateIndex(QStringLiteral("new"));
    const int work = r.stateIndex(QStringLiteral("work"));
    QCOMPARE(r.states[fresh].dwell.count, quint64(2));
    QCOMPARE(r.states[fresh].dwell.mean, 1500.0); // a: 0..1000, b: 500..2500
    QCOMPARE(r.states[work].dwell.mean, 2000.0);  // a: 1000..3000
    QCOMPARE(r.runningExecutions, quint64(1));    // b is in work
    // The live analytics saw the same.
    QCOMPARE(live.dwell(store.findState("new")).mean(), 1500.0);
    QCOMPARE(live.executionsIn(store.findState("work")), quint64(1));
    QCOMPARE(live.executionsIn(store.findState("done")), quint64(1));
    QCOMPARE(live.executionsIn(store.findState("new")), quint64(0));
    QVERIFY(!live.dwellStale());
}

void TestFeedIngestor::outOfOrderEventsKeepTimeOrder()
{
    EventStore store;
    LiveAnalytics live;
    FeedIngestor ingestor(store, &live);
    ingestor.apply({transition("x", "a", "b", 1000), transition("x", "c", "d", 3000), transition("x", "b", "c", 2000)});
    QCOMPARE(ingestor.counters().outOfOrder, quint64(1));
    QVERIFY(live.dwellStale());
    const ExecutionIndex e = store.findExecution("x");
    QStringList path;
    for (quint32 t = store.firstTransitionOf(e); t != kNoIndex; t = store.nextTransition(t))
        path.append(store.stateName(store.transitionTo(t)));
    QCOMPARE(path, (QStringList{QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("d")}));
    live.rebuild(store);
    QCOMPARE(live.dwell(store.findState("b")).mean(), 1000.0);
    QCOMPARE(live.dwell(store.findState("c")).mean(), 1000.0);
}

void TestFeedIngestor::operationalEvents()
{
    EventStore store;
    FeedIngestor ingestor(store);
    FeedEvent checkpoint;
    checkpoint.type = FeedEventType::CheckpointCreated;
    checkpoint.workflowId = "wf";
    checkpoint.executionId = "e";
    checkpoint.checkpointId = "cp1";
    checkpoint.checkpointType = "automatic";
    checkpoint.stateName = "work";
    checkpoint.time = 100;
    checkpoint.sizeBytes = 42;
    checkpoint.checksum = QByteArray(64, 'a');
    FeedEvent initiated;
    initiated.type = FeedEventType::RecoveryInitiated;
    initiated.workflowId = "wf";
    initiated.executionId = "e";
    initiated.recoveryId = "r1";
    FeedEvent completed = initiated;
    completed.type = FeedEventType::RecoveryCompleted;
    completed.success = 0;
    completed.durationMs = 250;
    completed.time = 200;
    FeedEvent consistency;
    consistency.type = FeedEventType::Consistency;
    consistency.workflowId = "wf";
    consistency.time = 300;
    consistency.consistency.quorumSize = 2;
    consistency.consistency.replicationFactor = 3;
    consistency.consistency.nodesInSync = 1;
    FeedEvent alert;
    alert.type = FeedEventType::AlertTriggered;
    alert.workflowId = "wf";
    alert.alertId = "al";
    alert.severity = "critical";
    alert.title = "Disk full";
    FeedEvent metric;
    metric.type = FeedEventType::MetricUpdate;
    metric.workflowId = "wf";
    metric.metricName = "queue_depth";
    metric.metricValue = 17;
    ingestor.apply({checkpoint, initiated, completed, consistency, alert, metric});

    QCOMPARE(store.checkpoints().size(), size_t(1));
    QCOMPARE(store.checkpointId(store.checkpoints().front()), QStringLiteral("cp1"));
    QCOMPARE(store.checkpointStateName(store.checkpoints().front()), QStringLiteral("work"));
    // A feed announces checkpoints without content: their checksum cannot be checked live.
    QCOMPARE(store.checkpoints().front().status, CheckpointStatus::Unverifiable);
    QCOMPARE(store.recoveries().size(), size_t(1)); // counted once, when completed
    QCOMPARE(store.recoveries().front().success, 0);
    QCOMPARE(store.consistency().size(), size_t(1));
    QCOMPARE(ingestor.activeAlerts().size(), 1);
    QCOMPARE(ingestor.metrics().value("queue_depth"), 17.0);

    const AnalysisReport r = analyze(store, AnalysisOptions());
    QCOMPARE(r.recoveryAttempts, quint64(1));
    QCOMPARE(r.recoverySuccesses, quint64(0));
    QCOMPARE(r.consistency.size(), size_t(1));
    QVERIFY(r.consistency.front().latestViolates);

    FeedEvent resolved = alert;
    resolved.type = FeedEventType::AlertResolved;
    ingestor.apply(resolved);
    QVERIFY(ingestor.activeAlerts().isEmpty());
}

// recovery_completed.dataLoss survives the parser and becomes the record's figures; shapes
// other than the data_loss document leave them unknown, and the event still counts.
void TestFeedIngestor::recoveryDataLossFromFrames()
{
    FeedParser parser;
    std::vector<FeedEvent> events;
    const QByteArray frame = R"([
        {"type":"recovery_completed","seq":1,"workflowId":"wf","executionId":"e1","payload":{"recoveryId":"r1",
         "checkpointId":"c1","toState":"approved","success":true,"durationMs":40,"timestamp":1000,
         "dataLoss":{"transitionsRolledBack":3,"transitions":[{"from":"a","to":"b","timestamp":900}],
                     "variables":[{"key":"x","change":"changed","current":2,"checkpoint":1},{"key":"y","change":"removed","current":1}]}}},
        {"type":"recovery_completed","seq":2,"workflowId":"wf","executionId":"e1","payload":{"recoveryId":"r2",
         "checkpointId":"c1","toState":"approved","success":true,"timestamp":2000,"dataLoss":["t-1","t-2"]}},
        {"type":"recovery_completed","seq":3,"workflowId":"wf","executionId":"e1","payload":{"recoveryId":"r3",
         "checkpointId":"c1","toState":"approved","success":false,"timestamp":3000,"dataLoss":12}},
        {"type":"recovery_completed","seq":4,"workflowId":"wf","executionId":"e1","payload":{"recoveryId":"r4",
         "checkpointId":"c1","toState":"approved","timestamp":4000}}])";
    QCOMPARE(parser.parseFrame(frame, events), 4);
    EventStore store;
    FeedIngestor ingestor(store);
    ingestor.apply(events);
    const std::vector<RecoveryRecord> &r = store.recoveries();
    QCOMPARE(r.size(), size_t(4));
    QCOMPARE(r[0].transitionsRolledBack, 3);
    QCOMPARE(r[0].variablesChanged, 2);
    QCOMPARE(r[0].durationMs, 40);
    for (size_t i = 1; i < r.size(); ++i) {
        QCOMPARE(r[i].transitionsRolledBack, -1);
        QCOMPARE(r[i].variablesChanged, -1);
    }
    QCOMPARE(r[2].success, 0);
    QCOMPARE(r[3].success, -1);
}

void TestFeedIngestor::stableExecutionsFillTheSameStore()
{
    // With setExecutionsStable the ingestor remembers the execution ids it saw last: the store
    // must come out exactly as without, also for ids alike at both ends (one slot of that
    // memory), short and long ids, late and tied transitions, and a first state reported after
    // a transition (ignored both ways).
    std::vector<FeedEvent> events;
    QList<QByteArray> ids;
    for (int i = 0; i < 300; ++i)
        ids << QByteArray("exec-aaaa-" + QByteArray::number(i) + "-zzzzzzzz");
    ids << "x" << "short-7" << QByteArray(40, 'q') << QByteArray(41, 'q') << QByteArray(64, 'r');
    TimeMs at = 100000;
    for (int round = 0; round < 5; ++round) {
        for (qsizetype i = 0; i < ids.size(); ++i) {
            const QByteArray &id = ids[i];
            const QByteArray from = "s" + QByteArray::number(round);
            const QByteArray to = "s" + QByteArray::number(round + 1);
            if (round == 0) {
                events.push_back(started(id.constData(), "s0", at));
            } else {
                // Every seventh execution's third transition comes late (before its second);
                // every fifth execution's second and third transitions tie.
                const TimeMs when = i % 7 == 0 && round == 3 ? at - 50000 : i % 5 == 0 ? 90000 + round / 2 : at;
                events.push_back(transition(id.constData(), from.constData(), to.constData(), when));
            }
            at += 7;
        }
        if (round == 2)
            events.push_back(started(ids[3].constData(), "late-first-state", at));
    }
    events.push_back(started("only-started", "s0", at));
    EventStore plain, stable;
    FeedIngestor plainIngestor(plain);
    FeedIngestor stableIngestor(stable);
    stableIngestor.setExecutionsStable(true);
    plainIngestor.apply(events);
    stableIngestor.apply(events);
    plain.finalize();
    stable.finalize();
    QCOMPARE(stable.executionCount(), quint32(ids.size() + 1));
    QCOMPARE(stable.executionCount(), plain.executionCount());
    QCOMPARE(stable.transitionCount(), plain.transitionCount());
    QCOMPARE(stable.transitionCount(), quint32(4 * ids.size()));
    QCOMPARE(stableIngestor.counters().transitions, plainIngestor.counters().transitions);
    QVERIFY(plainIngestor.counters().outOfOrder > 0);
    QCOMPARE(stableIngestor.counters().outOfOrder, plainIngestor.counters().outOfOrder);
    QCOMPARE(stable.stateCount(), plain.stateCount());
    for (quint32 t = 0; t < plain.transitionCount(); ++t) {
        QCOMPARE(stable.transitionExecution(t), plain.transitionExecution(t));
        QCOMPARE(stable.transitionFrom(t), plain.transitionFrom(t));
        QCOMPARE(stable.transitionTo(t), plain.transitionTo(t));
        QCOMPARE(stable.transitionTime(t), plain.transitionTime(t));
        QCOMPARE(stable.transitionType(t), plain.transitionType(t));
    }
    for (ExecutionIndex e = 0; e < plain.executionCount(); ++e) {
        QCOMPARE(stable.executionId(e), plain.executionId(e));
        QCOMPARE(stable.executionEntryTime(e), plain.executionEntryTime(e));
        QCOMPARE(stable.executionInitialState(e), plain.executionInitialState(e));
        QCOMPARE(stable.firstTransitionOf(e), plain.firstTransitionOf(e));
        QCOMPARE(stable.lastTransitionOf(e), plain.lastTransitionOf(e));
        QCOMPARE(stable.transitionCountOf(e), plain.transitionCountOf(e));
    }
    for (qsizetype i = 0; i < ids.size(); ++i)
        QCOMPARE(stable.findExecution(ids[i]), ExecutionIndex(i));
    QCOMPARE(stable.stateName(stable.executionInitialState(3)), QStringLiteral("s0"));
}

QTEST_GUILESS_MAIN(TestFeedIngestor)
#include "tst_feedingestor.moc"
