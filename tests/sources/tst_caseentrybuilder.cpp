// Entries of an event log in any order become executions with their transitions in time order.
#include "caseentrybuilder.h"
#include "eventstore.h"

#include <QTest>

#include <algorithm>
#include <cstdio>
#include <map>
#include <vector>

using namespace StateScope;

class TestCaseEntryBuilder : public QObject
{
    Q_OBJECT

private slots:
    void unsortedEntriesBecomeOrderedChains();
    void longCasesInDisorderKeepTiesInFileOrder();
    void idsAlikeAtBothEndsStayApart();
    void manyInterleavedCasesMatchAReference();
    void builderStartsAfreshAfterBuild();
};

void TestCaseEntryBuilder::unsortedEntriesBecomeOrderedChains()
{
    CaseEntryBuilder b;
    b.add("c2", "received", 1000);
    b.add("c1", "shipped", 3000);
    b.add("c1", "received", 1000);
    b.add("c1", "packed", 2000);
    b.add("c3", "received", 5000); // a case with one entry: no transition, its state is known
    b.add("été-1", "reçu", 7000);  // ids and states from logs may be any UTF-8 text
    b.add("c2", "packed", 1000);   // same time as its first entry: file order breaks the tie
    QCOMPARE(b.entryCount(), size_t(7));
    QCOMPARE(b.caseCount(), quint32(4));
    const auto store = b.build(QStringLiteral("orders.csv"));
    QCOMPARE(b.entryCount(), size_t(0));
    QCOMPARE(store->executionCount(), quint32(4));
    QCOMPARE(store->transitionCount(), quint32(3));
    QCOMPARE(store->workflows().size(), size_t(1));
    QCOMPARE(store->workflows().front().name, QStringLiteral("orders.csv"));

    const ExecutionIndex c1 = store->findExecution("c1");
    QCOMPARE(store->executionEntryTime(c1), TimeMs(1000));
    QCOMPARE(store->transitionCountOf(c1), quint32(2));
    const quint32 t1 = store->firstTransitionOf(c1);
    QCOMPARE(store->stateName(store->transitionFrom(t1)), QStringLiteral("received"));
    QCOMPARE(store->stateName(store->transitionTo(t1)), QStringLiteral("packed"));
    QCOMPARE(store->transitionTime(t1), TimeMs(2000));
    const quint32 t2 = store->nextTransition(t1);
    QCOMPARE(store->stateName(store->transitionTo(t2)), QStringLiteral("shipped"));
    QCOMPARE(store->nextTransition(t2), kNoIndex);

    const ExecutionIndex c2 = store->findExecution("c2");
    const quint32 t = store->firstTransitionOf(c2);
    QCOMPARE(store->stateName(store->transitionFrom(t)), QStringLiteral("received"));
    QCOMPARE(store->stateName(store->transitionTo(t)), QStringLiteral("packed"));

    const ExecutionIndex c3 = store->findExecution("c3");
    QCOMPARE(store->transitionCountOf(c3), quint32(0));
    QCOMPARE(store->stateName(store->executionInitialState(c3)), QStringLiteral("received"));
    QCOMPARE(store->executionStatus(c3), ExecutionStatus::Unknown);

    const ExecutionIndex accented = store->findExecution(QStringLiteral("été-1").toUtf8());
    QVERIFY(accented != kNoIndex);
    QCOMPARE(store->executionId(accented), QStringLiteral("été-1"));
    QCOMPARE(store->stateName(store->executionInitialState(accented)), QStringLiteral("reçu"));
}

namespace {

// The states along an execution's chain: its first, then each transition's target.
QStringList chainOf(const EventStore &store, ExecutionIndex e, std::vector<TimeMs> *times = nullptr)
{
    QStringList states {store.stateName(store.executionInitialState(e))};
    if (times)
        *times = {store.executionEntryTime(e)};
    for (quint32 t = store.firstTransitionOf(e); t != kNoIndex; t = store.nextTransition(t)) {
        states << store.stateName(store.transitionTo(t));
        if (times)
            times->push_back(store.transitionTime(t));
    }
    return states;
}

} // namespace

void TestCaseEntryBuilder::longCasesInDisorderKeepTiesInFileOrder()
{
    // A case over the insertion sort's reach (more than 64 entries) and a short one, both with
    // times going backwards and repeated: equal times keep the order of the file.
    for (const int length : {10, 200}) {
        CaseEntryBuilder b;
        for (int i = 0; i < length; ++i) {
            b.add("long", QByteArray("s" + QByteArray::number(i)), TimeMs((length - i) / 2) * 1000); // descending, in pairs
            b.add("other", "x", i);
        }
        const auto store = b.build(QStringLiteral("log"));
        std::vector<TimeMs> times;
        const QStringList chain = chainOf(*store, store->findExecution("long"), &times);
        QCOMPARE(chain.size(), length);
        for (int k = 1; k < length; ++k)
            QVERIFY2(times[size_t(k - 1)] <= times[size_t(k)], qPrintable(chain.join(QLatin1Char(' '))));
        // First comes the earliest time's entry written first; last, the latest time's written last.
        const auto timeOf = [length](int i) { return TimeMs((length - i) / 2) * 1000; };
        int earliest = 0, latest = 0;
        for (int i = 1; i < length; ++i) {
            earliest = timeOf(i) < timeOf(earliest) ? i : earliest;
            latest = timeOf(i) >= timeOf(latest) ? i : latest;
        }
        QCOMPARE(chain.front(), QStringLiteral("s%1").arg(earliest));
        QCOMPARE(chain.back(), QStringLiteral("s%1").arg(latest));
        // Within each pair of equal times, the lower entry number (written first) comes first.
        for (int k = 1; k < length; ++k) {
            if (times[size_t(k - 1)] == times[size_t(k)])
                QVERIFY2(chain[k - 1].mid(1).toInt() < chain[k].mid(1).toInt(), qPrintable(chain.join(QLatin1Char(' '))));
        }
        QCOMPARE(store->transitionCountOf(store->findExecution("other")), quint32(length - 1));
    }
}

void TestCaseEntryBuilder::idsAlikeAtBothEndsStayApart()
{
    // Ids with the same length, first and last eight bytes (one slot of the builder's cache of
    // recent ids) and ids of every length around the cached range are still different cases.
    CaseEntryBuilder b;
    QList<QByteArray> ids;
    for (int i = 0; i < 10; ++i)
        ids << QByteArray("aaaaaaaa-" + QByteArray::number(i) + "-bbbbbbbb");
    for (int n = 1; n <= 48; ++n)
        ids << QByteArray(n, 'z');
    for (int round = 0; round < 3; ++round) {
        for (qsizetype i = 0; i < ids.size(); ++i)
            b.add(ids[i], QByteArray("step" + QByteArray::number(round)), TimeMs(round));
    }
    QCOMPARE(b.caseCount(), quint32(ids.size()));
    const auto store = b.build(QStringLiteral("log"));
    QCOMPARE(store->executionCount(), quint32(ids.size()));
    for (qsizetype i = 0; i < ids.size(); ++i) {
        const ExecutionIndex e = store->findExecution(ids[i]);
        QCOMPARE(e, ExecutionIndex(i)); // cases are numbered in order of first appearance
        QCOMPARE(store->executionId(e), QString::fromLatin1(ids[i]));
        QCOMPARE(chainOf(*store, e), (QStringList {QStringLiteral("step0"), QStringLiteral("step1"), QStringLiteral("step2")}));
    }
}

void TestCaseEntryBuilder::manyInterleavedCasesMatchAReference()
{
    // 20,000 cases (UUID ids, as engines write them) interleaved and partly out of order, next
    // to a plain reference: per case, the entries stably sorted by time.
    CaseEntryBuilder b;
    b.reserve(1000);
    std::map<QByteArray, std::vector<std::pair<TimeMs, QByteArray>>> reference;
    quint64 x = 12345;
    const auto next = [&x] {
        x = x * 6364136223846793005ULL + 1442695040888963407ULL;
        return x >> 33;
    };
    for (int i = 0; i < 120000; ++i) {
        char id[40];
        std::snprintf(id, sizeof id, "%08x-0000-4000-8000-%012x", unsigned(next() % 20000), 7u);
        const TimeMs time = TimeMs(i / 3) - TimeMs(next() % 50); // mostly ascending, some ties and disorder
        const QByteArray state = "s" + QByteArray::number(qulonglong(next() % 12));
        b.add(id, state, time);
        auto &entries = reference[id];
        entries.emplace_back(time, state);
    }
    const auto store = b.build(QStringLiteral("log"));
    QCOMPARE(store->executionCount(), quint32(reference.size()));
    quint32 transitions = 0;
    for (auto &[id, entries] : reference) {
        std::stable_sort(entries.begin(), entries.end(),
                         [](const auto &l, const auto &r) { return l.first < r.first; });
        std::vector<TimeMs> times;
        const QStringList chain = chainOf(*store, store->findExecution(id), &times);
        QCOMPARE(chain.size(), qsizetype(entries.size()));
        for (size_t k = 0; k < entries.size(); ++k) {
            QCOMPARE(chain[qsizetype(k)], QString::fromLatin1(entries[k].second));
            QCOMPARE(times[k], entries[k].first);
        }
        transitions += quint32(entries.size() - 1);
    }
    QCOMPARE(store->transitionCount(), transitions);
    // Chains are contiguous and in order: the layout finalize() promises.
    for (quint32 t = 1; t < store->transitionCount(); ++t) {
        if (store->transitionExecution(t) == store->transitionExecution(t - 1))
            QVERIFY(store->transitionTime(t - 1) <= store->transitionTime(t));
    }
}

void TestCaseEntryBuilder::builderStartsAfreshAfterBuild()
{
    CaseEntryBuilder b;
    b.add("c1", "a", 1);
    b.add("c1", "b", 2);
    const auto first = b.build(QStringLiteral("one"));
    QCOMPARE(b.caseCount(), 0u);
    QCOMPARE(b.entryCount(), size_t(0));
    b.add("c2", "z", 5);
    b.add("c1", "y", 6);
    const auto second = b.build(QStringLiteral("two"));
    // The first store is untouched by the second log.
    QCOMPARE(first->executionCount(), 1u);
    QCOMPARE(first->transitionCount(), 1u);
    QCOMPARE(first->workflows().front().name, QStringLiteral("one"));
    QCOMPARE(second->executionCount(), 2u);
    QCOMPARE(second->transitionCount(), 0u);
    QCOMPARE(second->findExecution("c2"), 0u);
    QCOMPARE(second->stateName(second->executionInitialState(second->findExecution("c1"))), QStringLiteral("y"));
    QCOMPARE(second->workflows().size(), size_t(1));
    QCOMPARE(second->executionWorkflow(0), 0u);
    QCOMPARE(second->workflows().front().name, QStringLiteral("two"));
}

QTEST_GUILESS_MAIN(TestCaseEntryBuilder)
#include "tst_caseentrybuilder.moc"
