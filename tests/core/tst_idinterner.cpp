// IdInterner: which ids are packed, and that every id comes back as it went in. The packing
// reads eight hex digits at a time; a digit at a time (the reference below) decides the same.
#include "idinterner.h"

#include <QRandomGenerator>
#include <QTest>

using namespace StateScope;

namespace {

// The packed key a digit at a time, as IdInterner did before it read words; an empty result
// when the id is not a canonical lower-case UUID.
QByteArray referenceKey(QByteArrayView id)
{
    static const int pairs[16] = {0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34};
    if (id.size() != 36 || id[8] != '-' || id[13] != '-' || id[18] != '-' || id[23] != '-')
        return {};
    const auto nibble = [](char c) {
        return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    };
    QByteArray key(1, '\0');
    for (const int at : pairs) {
        const int hi = nibble(id[at]), lo = nibble(id[at + 1]);
        if (hi < 0 || lo < 0)
            return {};
        key.append(char(hi << 4 | lo));
    }
    return key;
}

QByteArray randomUuid(QRandomGenerator &random)
{
    static const char digits[] = "0123456789abcdef";
    QByteArray id(36, '-');
    for (int i = 0; i < 36; ++i) {
        if (i != 8 && i != 13 && i != 18 && i != 23)
            id[i] = digits[random.bounded(16)];
    }
    return id;
}

} // namespace

class TestIdInterner : public QObject
{
    Q_OBJECT
private slots:
    void packsCanonicalUuids();
    void everyByteAtEveryPosition();
    void roundTrip();
};

void TestIdInterner::packsCanonicalUuids()
{
    char buffer[17];
    const QByteArrayView key = IdInterner::key("00112233-4455-6677-8899-aabbccddeeff", buffer);
    QCOMPARE(key.size(), 17);
    QCOMPARE(key.toByteArray(), QByteArray::fromHex("00" "00112233445566778899aabbccddeeff"));
    for (const QByteArrayView id : {QByteArrayView("00112233-4455-6677-8899-AABBCCDDEEFF"), // upper case
                                    QByteArrayView("00112233-4455-6677-8899-aabbccddeef"), // short
                                    QByteArrayView("0011223344556677-8899-aabbccddeeff00"), // dashes moved
                                    QByteArrayView("execution-1"), QByteArrayView()}) {
        QCOMPARE(IdInterner::key(id, buffer).data(), id.data()); // kept as text
    }
}

void TestIdInterner::everyByteAtEveryPosition()
{
    // All 256 byte values at each of the 36 positions of a few UUIDs: packed exactly when the
    // reference packs, to the same bytes.
    QRandomGenerator random(7);
    int packed = 0, kept = 0;
    for (int sample = 0; sample < 4; ++sample) {
        const QByteArray uuid = randomUuid(random);
        for (int at = 0; at < 36; ++at) {
            for (int byte = 0; byte < 256; ++byte) {
                QByteArray id = uuid;
                id[at] = char(byte);
                char buffer[17];
                const QByteArrayView key = IdInterner::key(id, buffer);
                const QByteArray expected = referenceKey(id);
                if (expected.isEmpty()) {
                    QVERIFY2(key.data() == id.constData(), id.constData());
                    ++kept;
                } else {
                    QCOMPARE(key.toByteArray(), expected);
                    ++packed;
                }
            }
        }
    }
    QCOMPARE(packed, 4 * (32 * 16 + 4)); // 16 digits where digits go, the dash where dashes go
    QCOMPARE(kept, 4 * 36 * 256 - packed);
}

void TestIdInterner::roundTrip()
{
    QRandomGenerator random(11);
    IdInterner ids;
    QList<QByteArray> texts;
    for (int i = 0; i < 5000; ++i) {
        QByteArray id = randomUuid(random);
        if (i % 5 == 1)
            id[random.bounded(36)] = char(random.bounded(256)); // mostly no longer a UUID
        if (i % 7 == 2)
            id = "run-" + QByteArray::number(i);
        texts.append(id);
        ids.intern(id);
    }
    for (const QByteArray &id : std::as_const(texts)) {
        const quint32 index = ids.find(id);
        QVERIFY(index != IdInterner::kNotFound);
        QCOMPARE(ids.utf8(index), id);
        QCOMPARE(ids.intern(id), index);
    }
}

QTEST_GUILESS_MAIN(TestIdInterner)
#include "tst_idinterner.moc"
