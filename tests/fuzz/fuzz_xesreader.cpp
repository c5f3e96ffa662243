// libFuzzer target for the XES log reader (BARS R2): XesReader::read on the input as a log held
// in a QBuffer (an input that starts with the gzip magic goes through GzipDevice, as a .xes.gz
// would), then CaseEntryBuilder::build on what it accepted. It aborts on a crash, a sanitizer
// report, or a broken invariant (a failure without an error, an issue without record or
// problem, a store whose counts differ from the entries read).
//
// Build (clang; the reader's sources are compiled into the target with coverage and sanitizers,
// the event store comes from statescope_core):
//   CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
//       -DSTATESCOPE_FUZZ=ON -DSTATESCOPE_BUILD_TESTS=ON -DSTATESCOPE_BUILD_BENCH=OFF
//   ninja -C build-fuzz -j1 fuzz_xesreader
// Run (a scratch corpus seeded from the saved one; -dict helps it find XES's words):
//   mkdir -p /tmp/xescorpus && cp tests/fuzz/corpus/xesreader/* /tmp/xescorpus/
//   build-fuzz/tests/fuzz/fuzz_xesreader /tmp/xescorpus -max_total_time=600 -timeout=10 \
//       -rss_limit_mb=2048 -dict=tests/fuzz/xes.dict
// A crash leaves crash-<sha1> behind: fix it, then save the input in tests/fuzz/corpus/xesreader/
// under a name that says what it was (tst_xesreader replays that folder in every CI run, under
// ASan + UBSan in scripts/test.sh --sanitize).

#include "caseentrybuilder.h"
#include "eventstore.h"
#include "xesreader.h"

#include <QBuffer>

#include <cstdio>
#include <cstdlib>

using namespace StateScope;

namespace {

void check(bool condition, const char *what, const QString &detail = {})
{
    if (condition)
        return;
    std::fprintf(stderr, "fuzz_xesreader: %s %s\n", what, qPrintable(detail));
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    CaseEntryBuilder builder;
    XesReader reader;
    LoadResult result;
    const bool ok = reader.read(&buffer, QStringLiteral("fuzz.xes"), &builder, &result);
    check(ok == result.error.isEmpty(), "success and error disagree:", result.error);
    check(!result.cancelled, "cancelled without a cancel flag");
    if (!ok)
        check(result.error.startsWith(QLatin1String("fuzz.xes: ")),
              "an error that does not name the file:", result.error);
    check(result.issueCount >= result.issues.size(), "fewer issues counted than kept");
    for (const LoadIssue &issue : result.issues) {
        check(issue.table == QLatin1String("fuzz.xes") && !issue.problem.isEmpty(), "an issue without file or problem",
              issue.toString());
        check(issue.id.startsWith(QLatin1String("line ")) || issue.id.startsWith(QLatin1String("trace ")),
              "an issue that names no record:", issue.toString());
    }
    const quint32 cases = builder.caseCount();
    const size_t entries = builder.entryCount();
    check(entries >= cases, "more cases than entries");
    const auto store = builder.build(reader.logName().isEmpty() ? QStringLiteral("fuzz") : reader.logName());
    check(store->executionCount() == cases, "executions differ from cases");
    check(size_t(store->transitionCount()) == entries - cases, "transitions differ from entries - cases");
    return 0;
}
