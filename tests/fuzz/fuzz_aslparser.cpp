// libFuzzer target for the definition file readers (BARS R2): parseAslMachine on the input as an
// Amazon States Language machine, parseDefinitionJson on it as a definition file (ASL or the
// row form as one object), and validateDefinition on every definition they read. It aborts on a
// crash, a sanitizer report, or a broken invariant: a transition or final state that names no
// state, a nested state whose parent is no Parallel or Map, validation that forgets the
// reader's problems, the two readers disagreeing about one ASL file.
//
// Build (clang; the readers and the validator are compiled into the target with coverage and
// sanitizers, the rest of statescope_core is linked as built):
//   CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
//       -DSTATESCOPE_FUZZ=ON -DSTATESCOPE_BUILD_TESTS=ON -DSTATESCOPE_BUILD_BENCH=OFF
//   ninja -C build-fuzz -j1 fuzz_aslparser
// Run (a scratch corpus seeded from the saved one; -dict helps it find ASL's words), or all
// targets at once with scripts/fuzz-soak.sh:
//   mkdir -p /tmp/aslcorpus && cp tests/fuzz/corpus/aslparser/* /tmp/aslcorpus/
//   build-fuzz/tests/fuzz/fuzz_aslparser /tmp/aslcorpus -dict=tests/fuzz/asl.dict \
//       -max_total_time=600 -timeout=10 -rss_limit_mb=2048
// A crash leaves crash-<sha1> behind: fix it, then save the input in tests/fuzz/corpus/aslparser/
// under a name that says what it was (tst_aslparser replays that folder in every CI run).

#include "aslparser.h"
#include "definitionparser.h"
#include "definitionvalidator.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <cstdio>
#include <cstdlib>

using namespace StateScope;

namespace {

const QString kLabel = QStringLiteral("fuzz.asl.json");

void check(bool condition, const char *what, const QString &detail = {})
{
    if (condition)
        return;
    std::fprintf(stderr, "fuzz_aslparser: %s %s\n", what, qPrintable(detail));
    std::abort();
}

// What holds for every definition a reader returns, however broken the file was.
void checkDefinition(const StateMachineDefinition &d, bool asl)
{
    QSet<QString> names;
    QSet<QString> containers;
    for (const DefinitionState &s : d.states) {
        names.insert(s.name);
        if (s.type == QLatin1String("parallel") || s.type == QLatin1String("map"))
            containers.insert(s.name);
    }
    const DefinitionFindings f = validateDefinition(d);
    check(f.structuralErrors.mid(0, d.problems.size()) == d.problems, "validation dropped the reader's problems");
    QSet<QString> known = names; // validation treats a transition's unknown ends as states
    for (const DefinitionTransition &t : d.transitions)
        known << t.source << t.target;
    for (const QStringList *list : {&f.unreachable, &f.deadlocks, &f.trapped, &f.missingErrorHandling})
        for (const QString &name : *list)
            check(known.contains(name), "a finding about a state that does not exist", name);
    for (const auto &n : f.nonDeterministic)
        check(n.targets.size() > 1, "non-determinism with one target", n.state);
    if (!asl)
        return; // the row form may name states it does not list: validation reports those
    for (const DefinitionTransition &t : d.transitions)
        check(names.contains(t.source) && names.contains(t.target), "a transition names no state",
              t.source + QStringLiteral("->") + t.target);
    for (const QString &fin : d.finalStates)
        check(names.contains(fin), "a final state is no state", fin);
    check(QSet<QString>(d.finalStates.cbegin(), d.finalStates.cend()).size() == d.finalStates.size(),
          "a final state listed twice");
    for (const DefinitionState &s : d.states)
        check(s.parent.isEmpty() || containers.contains(s.parent), "a nested state's parent is no Parallel or Map",
              s.name + QStringLiteral(" in ") + s.parent);
    // Everything the reader links exists, so validation adds no "unknown state" of its own.
    for (qsizetype i = d.problems.size(); i < f.structuralErrors.size(); ++i)
        check(f.structuralErrors[i].startsWith(QLatin1String("initial state ")), "validation found an unknown state",
              f.structuralErrors[i]);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray json(reinterpret_cast<const char *>(data), qsizetype(size));
    const AslParseResult asl = parseAslMachine(json, kLabel);
    if (asl.ok())
        checkDefinition(asl.definition, true);
    else
        check(asl.error.startsWith(kLabel + QStringLiteral(": ")), "an error that does not name the file", asl.error);

    const DefinitionParseResult file = parseDefinitionJson(json, kLabel);
    if (file.ok())
        checkDefinition(file.definition, false);
    else
        check(file.error.startsWith(kLabel + QStringLiteral(": ")), "an error that does not name the file", file.error);

    // A definition file that is ASL is read by parseAslMachine: the same answer both ways.
    const QJsonObject top = QJsonDocument::fromJson(json).object();
    if (top.contains(QLatin1String("StartAt")) || top.contains(QLatin1String("States"))) {
        check(file.error == asl.error, "the file reader and the ASL reader disagree", file.error + QStringLiteral(" / ") + asl.error);
        check(file.definition.states.size() == asl.definition.states.size()
                  && file.definition.transitions.size() == asl.definition.transitions.size()
                  && file.definition.problems == asl.definition.problems,
              "the file reader and the ASL reader read different machines");
    }
    return 0;
}
