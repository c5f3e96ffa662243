#include "stringinterner.h"

#include <QSet>
#include <QTest>

#include <vector>

using namespace StateScope;

namespace {
QByteArray keyOf(int i)
{
    return QByteArrayLiteral("exec-") + QByteArray::number(i);
}
} // namespace

class TestStringInterner : public QObject
{
    Q_OBJECT

private slots:
    void emptyInterner();
    void denseIds_data();
    void denseIds();
    void findAndIntern();
    void keysThatLookAlike();
    void emptyAndBinaryKeys();
    void growth100k();
    void viewsStableAcrossGrowth();
    void reserveKeepsIds();
    void clear();
    void keysOfEveryLengthThroughEveryTableSize();
};

void TestStringInterner::emptyInterner()
{
    StringInterner interner;
    QCOMPARE(interner.size(), 0u);
    QCOMPARE(interner.find("a"), StringInterner::kNotFound);
    QCOMPARE(interner.find(QByteArrayView()), StringInterner::kNotFound);
}

void TestStringInterner::denseIds_data()
{
    QTest::addColumn<QList<QByteArray>>("keys");
    QTest::addColumn<QList<quint32>>("ids");
    QTest::addColumn<quint32>("size");

    QTest::newRow("distinct") << QList<QByteArray> {"a", "b", "c"} << QList<quint32> {0, 1, 2} << 3u;
    QTest::newRow("repeats reuse ids") << QList<QByteArray> {"a", "b", "a", "c", "b", "a"}
                                       << QList<quint32> {0, 1, 0, 2, 1, 0} << 3u;
    QTest::newRow("one key many times") << QList<QByteArray> {"x", "x", "x"} << QList<quint32> {0, 0, 0} << 1u;
    QTest::newRow("case matters") << QList<QByteArray> {"Start", "start", "START"} << QList<quint32> {0, 1, 2} << 3u;
    QTest::newRow("utf-8") << QList<QByteArray> {"\xc3\xa9tat", "etat", "\xc3\xa9tat"} << QList<quint32> {0, 1, 0}
                           << 2u;
}

void TestStringInterner::denseIds()
{
    QFETCH(QList<QByteArray>, keys);
    QFETCH(QList<quint32>, ids);
    QFETCH(quint32, size);
    StringInterner interner;
    for (int i = 0; i < keys.size(); ++i)
        QCOMPARE(interner.intern(keys[i]), ids[i]);
    QCOMPARE(interner.size(), size);
    for (int i = 0; i < keys.size(); ++i) {
        QCOMPARE(interner.find(keys[i]), ids[i]);
        QCOMPARE(interner.view(ids[i]), QByteArrayView(keys[i]));
    }
}

void TestStringInterner::findAndIntern()
{
    StringInterner interner;
    QCOMPARE(interner.find("Approve"), StringInterner::kNotFound);
    QCOMPARE(interner.size(), 0u); // find never adds
    const quint32 id = interner.intern("Approve");
    QCOMPARE(id, 0u);
    QCOMPARE(interner.find("Approve"), id);
    QCOMPARE(interner.find("Approv"), StringInterner::kNotFound);
    QCOMPARE(interner.find("Approved"), StringInterner::kNotFound);
    QCOMPARE(interner.string(id), QStringLiteral("Approve"));
    // A QString round trip: the interner stores UTF-8.
    const QString name = QStringLiteral("Pr\u00fcfung \u2713");
    const quint32 u = interner.intern(name.toUtf8());
    QCOMPARE(u, 1u);
    QCOMPARE(interner.string(u), name);
}

void TestStringInterner::keysThatLookAlike()
{
    // Prefixes, 8-byte word boundaries (the hash reads 8 bytes at a time) and a trailing byte.
    StringInterner interner;
    const QList<QByteArray> keys {
        "", "a", "ab", "abcdefg", "abcdefgh", "abcdefghi", "abcdefghabcdefgh", "abcdefghabcdefghX"};
    QList<QByteArray> distinct;
    for (const QByteArray &k : keys) {
        if (!distinct.contains(k))
            distinct.append(k);
    }
    for (const QByteArray &k : keys)
        interner.intern(k);
    QCOMPARE(interner.size(), quint32(distinct.size()));
    for (int i = 0; i < distinct.size(); ++i) {
        QCOMPARE(interner.find(distinct[i]), quint32(i));
        QCOMPARE(interner.view(quint32(i)), QByteArrayView(distinct[i]));
    }
}

void TestStringInterner::emptyAndBinaryKeys()
{
    StringInterner interner;
    const QByteArray withNul("a\0b", 3);
    const QByteArray other("a\0c", 3);
    QCOMPARE(interner.intern(QByteArrayView()), 0u);
    QCOMPARE(interner.intern(withNul), 1u);
    QCOMPARE(interner.intern(other), 2u);
    QCOMPARE(interner.find(QByteArrayView("", 0)), 0u);
    QCOMPARE(interner.view(0).size(), 0);
    QCOMPARE(interner.view(1).size(), 3);
    QCOMPARE(interner.view(1), QByteArrayView(withNul));
    QCOMPARE(interner.find(QByteArrayView("a", 1)), StringInterner::kNotFound);
}

void TestStringInterner::growth100k()
{
    constexpr int kKeys = 100000;
    StringInterner interner;
    for (int i = 0; i < kKeys; ++i)
        QCOMPARE(interner.intern(keyOf(i)), quint32(i)); // dense: in order of first sight
    QCOMPARE(interner.size(), quint32(kKeys));
    // Interning again returns the old ids and adds nothing.
    for (int i = kKeys - 1; i >= 0; i -= 7)
        QCOMPARE(interner.intern(keyOf(i)), quint32(i));
    QCOMPARE(interner.size(), quint32(kKeys));
    for (int i = 0; i < kKeys; ++i) {
        const QByteArray key = keyOf(i);
        QCOMPARE(interner.find(key), quint32(i));
        QCOMPARE(interner.view(quint32(i)), QByteArrayView(key));
    }
    for (int i = kKeys; i < kKeys + 1000; ++i)
        QCOMPARE(interner.find(keyOf(i)), StringInterner::kNotFound);
    QVERIFY(interner.memoryBytes() > 0);
}

void TestStringInterner::viewsStableAcrossGrowth()
{
    // A view taken early must still read the same key after the table and arena grew.
    StringInterner interner;
    interner.intern("first");
    interner.intern("second");
    for (int i = 0; i < 50000; ++i)
        interner.intern(keyOf(i));
    QCOMPARE(interner.view(0), QByteArrayView("first"));
    QCOMPARE(interner.view(1), QByteArrayView("second"));
    const QByteArrayView early = interner.view(1);
    const QByteArray copy = early.toByteArray();
    for (int i = 50000; i < 50100; ++i)
        interner.intern(keyOf(i));
    QCOMPARE(interner.view(1), QByteArrayView(copy));
    QCOMPARE(interner.string(2), QStringLiteral("exec-0"));
    QCOMPARE(interner.string(50001), QStringLiteral("exec-49999"));
}

void TestStringInterner::reserveKeepsIds()
{
    StringInterner interner;
    interner.intern("a");
    interner.intern("b");
    interner.reserve(10000, 100000); // rehashes into a larger table
    QCOMPARE(interner.find("a"), 0u);
    QCOMPARE(interner.find("b"), 1u);
    QCOMPARE(interner.intern("c"), 2u);
    QCOMPARE(interner.size(), 3u);
}

void TestStringInterner::clear()
{
    StringInterner interner;
    for (int i = 0; i < 100; ++i)
        interner.intern(keyOf(i));
    interner.clear();
    QCOMPARE(interner.size(), 0u);
    QCOMPARE(interner.find(keyOf(5)), StringInterner::kNotFound);
    QCOMPARE(interner.intern(keyOf(5)), 0u); // ids start again at 0
    QCOMPARE(interner.string(0), QStringLiteral("exec-5"));
}

void TestStringInterner::keysOfEveryLengthThroughEveryTableSize()
{
    // The slots keep a tag of the hash in the bits the ids do not need yet, fewer as the table
    // grows: keys that share their ends, lengths 0 to 40 and a table from 64 to 2^20 slots
    // must all come back, and absent keys must not.
    StringInterner interner;
    const auto keyAt = [](int i) {
        const int length = i % 41;
        QByteArray key(length, 'k');
        const QByteArray number = QByteArray::number(i / 41);
        for (int c = 0; c < number.size() && c < length; ++c)
            key[length / 2 + c < length ? length / 2 + c : c] = number[c]; // the middle differs
        return key;
    };
    std::vector<QByteArray> keys;
    QSet<QByteArray> distinct;
    for (int i = 0; i < 300000; ++i) {
        const QByteArray key = keyAt(i);
        if (!distinct.contains(key)) {
            distinct.insert(key);
            keys.push_back(key);
        }
    }
    for (size_t id = 0; id < keys.size(); ++id) {
        QCOMPARE(interner.intern(keys[id]), quint32(id));
        if ((id & (id - 1)) == 0) { // at each power of two, everything so far is still found
            for (size_t j = 0; j <= id; j += 1 + id / 64)
                QCOMPARE(interner.find(keys[j]), quint32(j));
        }
    }
    for (size_t id = 0; id < keys.size(); ++id) {
        QCOMPARE(interner.find(keys[id]), quint32(id));
        QCOMPARE(interner.view(quint32(id)), QByteArrayView(keys[id]));
    }
    QCOMPARE(interner.intern(keys.back()), quint32(keys.size() - 1)); // no new id for a known key
    for (int i = 0; i < 2000; ++i)
        QCOMPARE(interner.find(QByteArray("absent-" + QByteArray::number(i))), StringInterner::kNotFound);
    // After dropping every other key the table shrinks and the tags widen again.
    std::vector<bool> keep(keys.size());
    for (size_t id = 0; id < keys.size(); ++id)
        keep[id] = id % 2 == 0;
    const std::vector<quint32> remap = interner.retain(keep);
    for (size_t id = 0; id < keys.size(); ++id)
        QCOMPARE(interner.find(keys[id]), id % 2 == 0 ? remap[id] : StringInterner::kNotFound);
}

QTEST_GUILESS_MAIN(TestStringInterner)
#include "tst_stringinterner.moc"
