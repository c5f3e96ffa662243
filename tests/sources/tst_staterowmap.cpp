// StateRowMap: workflow_states ids (16-byte uuid keys inline, any other key interned) to
// executions, through growth, duplicates and keys that are absent.
#include "staterowmap.h"

#include <QTest>

#include <cstring>

using namespace StateScope;

class TestStateRowMap : public QObject
{
    Q_OBJECT

private slots:
    void uuidKeysThroughGrowth();
    void textKeysBeside16ByteOnes();
};

namespace {
QByteArray uuidKey(quint64 i)
{
    // Time-based uuids differ in their first bytes only: the harder case for a hash.
    QByteArray k(16, '\x5a');
    std::memcpy(k.data(), &i, sizeof i);
    return k;
}
} // namespace

void TestStateRowMap::uuidKeysThroughGrowth()
{
    StateRowMap map;
    const quint32 n = 200000; // from the first 64 slots, doubling many times
    for (quint32 i = 0; i < n; ++i)
        QVERIFY(map.insert(uuidKey(i), i * 3));
    for (quint32 i = 0; i < n; i += 997)
        QCOMPARE(map.find(uuidKey(i)), i * 3);
    QCOMPARE(map.find(uuidKey(n)), StateRowMap::kNotFound);
    QVERIFY2(!map.insert(uuidKey(42), 7), "a duplicate id is refused");
    QCOMPARE(map.find(uuidKey(42)), 126u);
    map.clear();
    QCOMPARE(map.find(uuidKey(42)), StateRowMap::kNotFound);
}

void TestStateRowMap::textKeysBeside16ByteOnes()
{
    StateRowMap map;
    map.reserve(10);
    QVERIFY(map.insert("row-1", 1));
    QVERIFY(map.insert("0123456789abcdef", 2)); // 16 characters: kept inline like a uuid
    QVERIFY(map.insert("0e37df36-f698-11e6-8dd4-cb9ced3df976", 3));
    QVERIFY(!map.insert("row-1", 9));
    QCOMPARE(map.find("row-1"), 1u);
    QCOMPARE(map.find("0123456789abcdef"), 2u);
    QCOMPARE(map.find("0e37df36-f698-11e6-8dd4-cb9ced3df976"), 3u);
    QCOMPARE(map.find("row-2"), StateRowMap::kNotFound);
    QCOMPARE(map.find(""), StateRowMap::kNotFound);
}

QTEST_GUILESS_MAIN(TestStateRowMap)
#include "tst_staterowmap.moc"
