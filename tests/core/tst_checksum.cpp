#include "canonicaljson.h"
#include "checksum.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QDir>
#include <QFile>
#include <QTest>

#include <bit>
#include <charconv>
#include <limits>

using namespace StateScope;

namespace {

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestChecksum : public QObject
{
    Q_OBJECT

private slots:
    void canonicalize_data();
    void canonicalize();
    void controlCharacters();
    void appendixBNumbers_data();
    void appendixBNumbers();
    void moreNumbers_data();
    void moreNumbers();
    void nonFiniteNumbers_data();
    void nonFiniteNumbers();
    void parsedNumbers_data();
    void parsedNumbers();
    void invalidJson_data();
    void invalidJson();
    void nesting_data();
    void nesting();
    void canonicalJsonValue();
    void canonicalJsonValueUnrepresentable();
    void canonicalJsonValueNesting();
    void largeObject();
    void checkpointChecksum_data();
    void checkpointChecksum();
    void checkpointChecksumInvalid_data();
    void checkpointChecksumInvalid();
    void normalizeStoredChecksum_data();
    void normalizeStoredChecksum();
    void verifyCheckpoint_data();
    void verifyCheckpoint();
    void statusNames();
};

void TestChecksum::canonicalize_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");

    // File vectors: NAME.json canonicalises to NAME.expected.json (a final
    // newline is ignored there). Among them the samples of RFC 8785 3.2.2 and
    // 3.2.3, the latter checking that U+1F600 (D83D DE00) sorts before U+FB33.
    const QDir dir(QFINDTESTDATA("../data/jcs"));
    const QStringList inputs = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    QVERIFY2(inputs.contains(QStringLiteral("rfc8785-sample.json")), qPrintable(dir.path()));
    for (const QString &name : inputs) {
        if (name.endsWith(QStringLiteral(".expected.json")))
            continue;
        QByteArray expected = readFile(dir.filePath(name.chopped(5) + QStringLiteral(".expected.json")));
        if (expected.endsWith('\n'))
            expected.chop(1);
        QTest::newRow(qPrintable(name)) << readFile(dir.filePath(name)) << expected;
    }

    QTest::newRow("literals") << QByteArray(" [ true , false , null ] ") << QByteArray("[true,false,null]");
    QTest::newRow("top-level string") << QByteArray("\"x\"") << QByteArray("\"x\"");
    QTest::newRow("top-level number") << QByteArray("\t\r\n 1.50 \n") << QByteArray("1.5");
    QTest::newRow("top-level null") << QByteArray("null") << QByteArray("null");
    QTest::newRow("empty containers") << QByteArray(R"({ "b" : [ ] , "a" : { } })")
                                      << QByteArray(R"({"a":{},"b":[]})");
    QTest::newRow("nested sort") << QByteArray(R"({"z":{"b":1,"a":[{"d":0,"c":0}]},"y":2})")
                                 << QByteArray(R"({"y":2,"z":{"a":[{"c":0,"d":0}],"b":1}})");
    QTest::newRow("array order kept") << QByteArray("[3,1,2]") << QByteArray("[3,1,2]");
    QTest::newRow("prefix keys") << QByteArray(R"({"ab":1,"a":2,"":3})")
                                 << QByteArray(R"({"":3,"a":2,"ab":1})");
    QTest::newRow("case sorts by code unit") << QByteArray(R"({"b":1,"B":2,"a":3,"A":4})")
                                             << QByteArray(R"({"A":4,"B":2,"a":3,"b":1})");
    QTest::newRow("solidus not escaped") << QByteArray(R"("a\/b/c")") << QByteArray(R"("a/b/c")");
    QTest::newRow("DEL literal") << QByteArray(R"("\u007f")") << QByteArray("\"\x7f\"");
    QTest::newRow("non-ASCII escapes decoded") << QByteArray(R"("\u00e9\u4e2d\uD83D\uDE00")")
                                               << QByteArray("\"é中😀\"");
    QTest::newRow("raw UTF-8 kept") << QByteArray("\"é中😀\"") << QByteArray("\"é中😀\"");
    QTest::newRow("U+2028 literal") << QByteArray(R"("\u2028")") << QByteArray("\"\xE2\x80\xA8\"");
    QTest::newRow("escaped NUL") << QByteArray(R"("a\u0000b")") << QByteArray(R"("a\u0000b")");
    QTest::newRow("short escapes") << QByteArray(R"("\b\f\n\r\t\"\\")")
                                   << QByteArray(R"("\b\f\n\r\t\"\\")");
    QTest::newRow("short escapes from \\u") << QByteArray(R"("\u0008\u000C\u000A\u000D\u0009")")
                                            << QByteArray(R"("\b\f\n\r\t")");
    QTest::newRow("escaped key equal to plain") << QByteArray(R"({"\u0062":1,"a":2})")
                                                << QByteArray(R"({"a":2,"b":1})");
}

void TestChecksum::canonicalize()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);

    const CanonicalJsonResult result = canonicalizeJson(input);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.json, expected);

    // Canonicalisation must be idempotent.
    const CanonicalJsonResult again = canonicalizeJson(result.json);
    QVERIFY2(again.ok(), qPrintable(again.error));
    QCOMPARE(again.json, expected);
}

void TestChecksum::controlCharacters()
{
    QByteArray input = "\"";
    for (int c = 0; c < 0x20; ++c)
        input += QByteArray("\\u00") + QByteArray::number(c, 16).rightJustified(2, '0').toUpper();
    input += '"';
    const CanonicalJsonResult result = canonicalizeJson(input);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.json,
             QByteArray(R"("\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000b\f\r\u000e\u000f)"
                        R"(\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c)"
                        R"(\u001d\u001e\u001f")"));
}

void TestChecksum::appendixBNumbers_data()
{
    QTest::addColumn<quint64>("bits");
    QTest::addColumn<QByteArray>("expected");

    const QByteArray table = readFile(QFINDTESTDATA("../data/jcs/rfc8785-appendix-b.txt"));
    int rows = 0;
    for (const QByteArray &line : table.split('\n')) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() != 2 || line.startsWith('#'))
            continue;
        bool ok = false;
        const quint64 bits = fields.at(0).toULongLong(&ok, 16);
        QVERIFY(ok);
        QTest::newRow(fields.at(0).constData()) << bits << fields.at(1);
        ++rows;
    }
    QCOMPARE(rows, 24);
}

void TestChecksum::appendixBNumbers()
{
    QFETCH(quint64, bits);
    QFETCH(QByteArray, expected);

    const double value = std::bit_cast<double>(bits);
    QCOMPARE(canonicalNumber(value), expected);

    // The text must read back as the same double (-0 excepted, it prints "0"),
    // and parsing it as JSON must give the same canonical text.
    double parsed = 1;
    const auto [ptr, ec] = std::from_chars(expected.constData(), expected.constData() + expected.size(), parsed);
    QCOMPARE(ec, std::errc());
    QVERIFY(ptr == expected.constData() + expected.size());
    if (value != 0)
        QCOMPARE(std::bit_cast<quint64>(parsed), bits);
    const CanonicalJsonResult result = canonicalizeJson(expected);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.json, expected);
}

void TestChecksum::moreNumbers_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("1e21") << 1e21 << QByteArray("1e+21");
    QTest::newRow("1e20") << 1e20 << QByteArray("100000000000000000000");
    QTest::newRow("1e-7") << 1e-7 << QByteArray("1e-7");
    QTest::newRow("1e-6") << 0.000001 << QByteArray("0.000001");
    QTest::newRow("1.5e-7") << 1.5e-7 << QByteArray("1.5e-7");
    QTest::newRow("-0") << -0.0 << QByteArray("0");
    QTest::newRow("123456789012345680000") << 123456789012345680000.0 << QByteArray("123456789012345680000");
    QTest::newRow("4.5") << 4.5 << QByteArray("4.5");
    QTest::newRow("2e-3") << 2e-3 << QByteArray("0.002");
    QTest::newRow("0.1") << 0.1 << QByteArray("0.1");
    QTest::newRow("0.1+0.2") << 0.1 + 0.2 << QByteArray("0.30000000000000004");
    QTest::newRow("1") << 1.0 << QByteArray("1");
    QTest::newRow("-1") << -1.0 << QByteArray("-1");
    QTest::newRow("100") << 100.0 << QByteArray("100");
    QTest::newRow("123.456") << 123.456 << QByteArray("123.456");
    QTest::newRow("1e30") << 1e30 << QByteArray("1e+30");
    QTest::newRow("1.5e300") << 1.5e300 << QByteArray("1.5e+300");
    QTest::newRow("-1.5e-300") << -1.5e-300 << QByteArray("-1.5e-300");
    QTest::newRow("max") << 1.7976931348623157e308 << QByteArray("1.7976931348623157e+308");
    QTest::newRow("min denormal") << 5e-324 << QByteArray("5e-324");
    QTest::newRow("2^53+2") << 9007199254740994.0 << QByteArray("9007199254740994");
}

void TestChecksum::moreNumbers()
{
    QFETCH(double, value);
    QFETCH(QByteArray, expected);
    QCOMPARE(canonicalNumber(value), expected);
}

void TestChecksum::nonFiniteNumbers_data()
{
    QTest::addColumn<double>("value");
    QTest::newRow("NaN") << std::numeric_limits<double>::quiet_NaN();
    QTest::newRow("+Infinity") << std::numeric_limits<double>::infinity();
    QTest::newRow("-Infinity") << -std::numeric_limits<double>::infinity();
}

void TestChecksum::nonFiniteNumbers()
{
    QFETCH(double, value);
    QVERIFY(canonicalNumber(value).isEmpty());
    QVERIFY(canonicalJson(QJsonValue(value)).isEmpty());
    QVERIFY(canonicalJson(QJsonArray{1, value}).isEmpty());
}

void TestChecksum::parsedNumbers_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("1E30") << QByteArray("1E30") << QByteArray("1e+30");
    QTest::newRow("1e+30") << QByteArray("1e+30") << QByteArray("1e+30");
    QTest::newRow("-0") << QByteArray("-0") << QByteArray("0");
    QTest::newRow("-0.0e-5") << QByteArray("-0.0e-5") << QByteArray("0");
    QTest::newRow("4.50") << QByteArray("4.50") << QByteArray("4.5");
    QTest::newRow("10.0") << QByteArray("10.0") << QByteArray("10");
    QTest::newRow("0.000000000000000000000000001") << QByteArray("0.000000000000000000000000001")
                                                   << QByteArray("1e-27");
    QTest::newRow("333333333.33333329") << QByteArray("333333333.33333329") << QByteArray("333333333.3333333");
    QTest::newRow("2^53+1 rounds") << QByteArray("9007199254740993") << QByteArray("9007199254740992");
    QTest::newRow("long mantissa") << QByteArray("1.00000000000000000000000000000000000001")
                                   << QByteArray("1");
    QTest::newRow("underflow to 0") << QByteArray("1e-400") << QByteArray("0");
    QTest::newRow("negative underflow to 0") << QByteArray("-0.0001e-330") << QByteArray("0");
    QTest::newRow("huge negative exponent") << QByteArray("1e-99999999999999999999") << QByteArray("0");
    QTest::newRow("zero with huge exponent") << QByteArray("0e99999") << QByteArray("0");
    QTest::newRow("rounds to min denormal") << QByteArray("3e-324") << QByteArray("5e-324");
}

void TestChecksum::parsedNumbers()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    const CanonicalJsonResult result = canonicalizeJson(input);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.json, expected);
}

void TestChecksum::invalidJson_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("errorPart");

    const QString invalid = QStringLiteral("invalid JSON");
    const QString surrogate = QStringLiteral("lone surrogate");
    const QString utf8 = QStringLiteral("invalid UTF-8");
    const QString duplicate = QStringLiteral("duplicate member name");
    const QString nonFinite = QStringLiteral("non-finite number");

    QTest::newRow("empty") << QByteArray() << invalid;
    QTest::newRow("whitespace only") << QByteArray(" \n ") << invalid;
    QTest::newRow("unclosed object") << QByteArray("{") << invalid;
    QTest::newRow("unclosed array") << QByteArray("[1") << invalid;
    QTest::newRow("trailing comma array") << QByteArray("[1,]") << invalid;
    QTest::newRow("trailing comma object") << QByteArray(R"({"a":1,})") << invalid;
    QTest::newRow("missing comma") << QByteArray("[1 2]") << invalid;
    QTest::newRow("missing colon") << QByteArray(R"({"a" 1})") << invalid;
    QTest::newRow("unquoted key") << QByteArray("{a:1}") << invalid;
    QTest::newRow("single quotes") << QByteArray("'a'") << invalid;
    QTest::newRow("two values") << QByteArray("[] []") << invalid;
    QTest::newRow("comment") << QByteArray("[1] // x") << invalid;
    QTest::newRow("BOM") << QByteArray("\xEF\xBB\xBF{}") << invalid;
    QTest::newRow("leading zero") << QByteArray("01") << invalid;
    QTest::newRow("leading plus") << QByteArray("+1") << invalid;
    QTest::newRow("bare point") << QByteArray(".5") << invalid;
    QTest::newRow("trailing point") << QByteArray("1.") << invalid;
    QTest::newRow("empty exponent") << QByteArray("1e") << invalid;
    QTest::newRow("minus only") << QByteArray("-") << invalid;
    QTest::newRow("hex number") << QByteArray("0x10") << invalid;
    QTest::newRow("NaN") << QByteArray("NaN") << invalid;
    QTest::newRow("Infinity") << QByteArray("Infinity") << invalid;
    QTest::newRow("-Infinity") << QByteArray("-Infinity") << invalid;
    QTest::newRow("truncated literal") << QByteArray("tru") << invalid;
    QTest::newRow("capital literal") << QByteArray("True") << invalid;
    QTest::newRow("overflow") << QByteArray("1e400") << nonFinite;
    QTest::newRow("negative overflow") << QByteArray("[-1.8e308]") << nonFinite;
    QTest::newRow("overflow huge exponent") << QByteArray("1e99999999999999999999") << nonFinite;
    QTest::newRow("unterminated string") << QByteArray("\"abc") << invalid;
    QTest::newRow("raw tab in string") << QByteArray("\"a\tb\"") << invalid;
    QTest::newRow("raw newline in string") << QByteArray("\"a\nb\"") << invalid;
    QTest::newRow("invalid escape") << QByteArray(R"("\x41")") << invalid;
    QTest::newRow("bad hex") << QByteArray(R"("\u12G4")") << invalid;
    QTest::newRow("short \\u") << QByteArray(R"("\u12")") << invalid;
    QTest::newRow("lone high surrogate") << QByteArray(R"("\ud800")") << surrogate;
    QTest::newRow("lone low surrogate") << QByteArray(R"("\udc00")") << surrogate;
    QTest::newRow("high + BMP") << QByteArray(R"("\ud83d\u0041")") << surrogate;
    QTest::newRow("high + high") << QByteArray(R"("\ud83d\ud83d")") << surrogate;
    QTest::newRow("reversed pair") << QByteArray(R"("\ude00\ud83d")") << surrogate;
    QTest::newRow("lone surrogate in key") << QByteArray(R"({"\ud800":1})") << surrogate;
    QTest::newRow("bad continuation") << QByteArray("\"\xC3\x28\"") << utf8;
    QTest::newRow("overlong slash") << QByteArray("\"\xC0\xAF\"") << utf8;
    QTest::newRow("overlong 3-byte") << QByteArray("\"\xE0\x80\xAF\"") << utf8;
    QTest::newRow("UTF-8 surrogate") << QByteArray("\"\xED\xA0\x80\"") << utf8;
    QTest::newRow("beyond U+10FFFF") << QByteArray("\"\xF4\x90\x80\x80\"") << utf8;
    QTest::newRow("stray continuation") << QByteArray("\"\x80\"") << utf8;
    QTest::newRow("truncated sequence") << QByteArray("\"\xE2\x82") << utf8;
    QTest::newRow("duplicate key") << QByteArray(R"({"a":1,"a":2})") << duplicate;
    QTest::newRow("duplicate same value") << QByteArray(R"({"a":1,"b":0,"a":1})") << duplicate;
    QTest::newRow("duplicate via escape") << QByteArray(R"({"a":1,"\u0061":2})") << duplicate;
    QTest::newRow("duplicate nested") << QByteArray(R"([{"x":{"k":1,"k":1}}])") << duplicate;
}

void TestChecksum::invalidJson()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, errorPart);
    const CanonicalJsonResult result = canonicalizeJson(input);
    QVERIFY(!result.ok());
    QVERIFY(result.json.isEmpty());
    QVERIFY2(result.error.contains(errorPart), qPrintable(result.error));
}

void TestChecksum::nesting_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<bool>("valid");

    const auto arrays = [](int depth) -> QByteArray {
        return QByteArray(depth, '[') + QByteArray(depth, ']');
    };
    const auto objects = [](int depth) -> QByteArray {
        QByteArray text;
        for (int i = 0; i < depth; ++i)
            text += "{\"k\":";
        return text + "0" + QByteArray(depth, '}');
    };
    const auto mixed = [](int depth) -> QByteArray {
        QByteArray open;
        QByteArray close;
        for (int i = 0; i < depth; ++i) {
            open += i % 2 ? "[" : "{\"k\":";
            close.prepend(i % 2 ? ']' : '}');
        }
        return open + "null" + close;
    };

    QTest::newRow("arrays 1") << arrays(1) << true;
    QTest::newRow("arrays 64") << arrays(canonicalJsonMaxDepth) << true;
    QTest::newRow("arrays 65") << arrays(canonicalJsonMaxDepth + 1) << false;
    QTest::newRow("arrays 100000") << arrays(100000) << false;
    QTest::newRow("objects 64") << objects(64) << true;
    QTest::newRow("objects 65") << objects(65) << false;
    QTest::newRow("mixed 64") << mixed(64) << true;
    QTest::newRow("mixed 65") << mixed(65) << false;
    QTest::newRow("unbalanced deep opener") << QByteArray(100000, '[') << false;
}

void TestChecksum::nesting()
{
    QFETCH(QByteArray, input);
    QFETCH(bool, valid);
    const CanonicalJsonResult result = canonicalizeJson(input);
    QCOMPARE(result.ok(), valid);
    if (valid)
        QCOMPARE(result.json, input);
    else
        QVERIFY2(result.error.contains(QStringLiteral("nesting deeper than 64")), qPrintable(result.error));
}

void TestChecksum::canonicalJsonValue()
{
    QJsonObject inner;
    inner.insert(QStringLiteral("zeta"), QJsonArray{3, 1.5, QStringLiteral("x"), QJsonValue()});
    inner.insert(QStringLiteral("alpha"), true);
    QJsonObject object;
    object.insert(QStringLiteral("€"), 1e21);
    object.insert(QStringLiteral("b"), inner);
    object.insert(QStringLiteral("a\n"), -0.0);
    object.insert(QStringLiteral("big"), QJsonValue(qint64(9007199254740992)));

    QCOMPARE(canonicalJson(object),
             QByteArray(R"({"a\n":0,"b":{"alpha":true,"zeta":[3,1.5,"x",null]},"big":9007199254740992,"€":1e+21})"));
    QCOMPARE(canonicalJson(QJsonValue(QStringLiteral("\"/"))), QByteArray(R"("\"/")"));
    QCOMPARE(canonicalJson(QJsonValue()), QByteArray("null"));
}

void TestChecksum::canonicalJsonValueUnrepresentable()
{
    QVERIFY(canonicalJson(QJsonValue(QJsonValue::Undefined)).isEmpty());
    const QString lone(QChar(0xD800));
    QVERIFY(canonicalJson(QJsonValue(lone)).isEmpty());
    QJsonObject withLoneKey;
    withLoneKey.insert(lone, 1);
    QVERIFY(canonicalJson(withLoneKey).isEmpty());
    const QString pair = QString(QChar(0xD83D)) + QChar(0xDE00);
    QCOMPARE(canonicalJson(QJsonValue(pair)), QByteArray("\"😀\""));
}

void TestChecksum::canonicalJsonValueNesting()
{
    // Same limit as canonicalizeJson(), so both accept the same documents.
    QJsonValue value(1);
    for (int depth = 1; depth <= canonicalJsonMaxDepth + 1; ++depth) {
        value = depth % 2 ? QJsonValue(QJsonArray{value}) : QJsonValue(QJsonObject{{QStringLiteral("k"), value}});
        QCOMPARE(canonicalJson(value).isEmpty(), depth > canonicalJsonMaxDepth);
    }
}

void TestChecksum::largeObject()
{
    // Members arrive in reverse order; sorting must not be quadratic.
    const int count = 100000;
    QByteArray input = "{";
    QByteArray expected = "{";
    for (int i = 0; i < count; ++i) {
        const QByteArray reversed = QByteArray::number(count - 1 - i).rightJustified(6, '0');
        const QByteArray ascending = QByteArray::number(i).rightJustified(6, '0');
        input += (i ? ",\"" : "\"") + reversed + "\":" + QByteArray::number(count - 1 - i);
        expected += (i ? ",\"" : "\"") + ascending + "\":" + QByteArray::number(i);
    }
    const CanonicalJsonResult result = canonicalizeJson(QByteArray(input + '}'));
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.json, QByteArray(expected + '}'));
}

void TestChecksum::checkpointChecksum_data()
{
    QTest::addColumn<QByteArray>("state");
    QTest::addColumn<QByteArray>("variables");
    QTest::addColumn<QByteArray>("expected");

    // Expected values from: printf '%s' '<canonical wrapper>' | sha256sum
    // {"state":{"current":"idle","history":[1,2.5,true,null]},"variables":{"count":3,"name":"Zoë"}}
    const QByteArray idle("eb6d10a4c591ec7884dc7ddd7cd4314ea2d574f66405814a54a38e8d2cb7a682");
    QTest::newRow("canonical input") << QByteArray(R"({"current":"idle","history":[1,2.5,true,null]})")
                                     << QByteArray(R"({"count":3,"name":"Zoë"})") << idle;
    QTest::newRow("reformatted input")
        << QByteArray(" {\n  \"history\" : [1.0, 2.50, true, null],\n  \"current\" : \"idl\\u0065\"\n}\n")
        << QByteArray(R"({"name":"Zo\u00eb","count":3e0})") << idle;
    // {"state":{},"variables":{}}
    QTest::newRow("empty objects") << QByteArray("{}") << QByteArray(" { } ")
                                   << QByteArray("6b19454e1408995c9e9f7449000b04e7abedaee877f1e055b1c7f7533fb37321");
    // {"state":null,"variables":[]}
    QTest::newRow("scalars") << QByteArray("null") << QByteArray("[]")
                             << QByteArray("fe75208523918166e88e74667b155de05b092e9074cdbcb56d57bc8d0f7c74ed");
    // {"state":{"a":1e+21,"€":"\u000f\n"},"variables":{"x":-0.000001}}
    QTest::newRow("escapes and numbers") << QByteArray(R"({"\u20ac":"\u000F\u000A","a":1E21})")
                                         << QByteArray(R"({"x":-1e-6})")
                                         << QByteArray("01d1fef6b1b1f6ff36ff7dfabb9ca324c9dccfa2b7b4996c4774b6979d1dcf57");
}

void TestChecksum::checkpointChecksum()
{
    QFETCH(QByteArray, state);
    QFETCH(QByteArray, variables);
    QFETCH(QByteArray, expected);
    const ChecksumResult result = StateScope::checkpointChecksum(state, variables);
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(result.hex, expected);
}

void TestChecksum::checkpointChecksumInvalid_data()
{
    QTest::addColumn<QByteArray>("state");
    QTest::addColumn<QByteArray>("variables");
    QTest::addColumn<QString>("errorPart");

    QTest::newRow("state truncated") << QByteArray("{\"a\":") << QByteArray("{}") << QStringLiteral("state snapshot: invalid JSON");
    QTest::newRow("state empty") << QByteArray() << QByteArray("{}") << QStringLiteral("state snapshot");
    QTest::newRow("state duplicate") << QByteArray(R"({"a":1,"a":1})") << QByteArray("{}")
                                     << QStringLiteral("state snapshot: duplicate member name");
    QTest::newRow("variables invalid") << QByteArray("{}") << QByteArray("[1,]") << QStringLiteral("variables: invalid JSON");
    QTest::newRow("variables lone surrogate") << QByteArray("{}") << QByteArray(R"({"v":"\ud800"})")
                                              << QStringLiteral("variables: lone surrogate");
}

void TestChecksum::checkpointChecksumInvalid()
{
    QFETCH(QByteArray, state);
    QFETCH(QByteArray, variables);
    QFETCH(QString, errorPart);
    const ChecksumResult result = StateScope::checkpointChecksum(state, variables);
    QVERIFY(result.hex.isEmpty());
    QVERIFY2(result.error.contains(errorPart), qPrintable(result.error));
}

void TestChecksum::normalizeStoredChecksum_data()
{
    QTest::addColumn<QByteArray>("stored");
    QTest::addColumn<QByteArray>("expected");

    const QByteArray hex("eb6d10a4c591ec7884dc7ddd7cd4314ea2d574f66405814a54a38e8d2cb7a682");
    QTest::newRow("plain") << hex << hex;
    QTest::newRow("upper case") << hex.toUpper() << hex;
    QTest::newRow("prefix") << QByteArray("sha256:") + hex << hex;
    QTest::newRow("upper prefix and digits") << QByteArray("SHA256:") + hex.toUpper() << hex;
    QTest::newRow("mixed prefix") << QByteArray("Sha256:") + hex << hex;
    QTest::newRow("whitespace") << QByteArray(" \t") + hex + "\n" << hex;
    QTest::newRow("whitespace around prefix") << QByteArray("  sha256:") + hex + "  " << hex;
    QTest::newRow("empty") << QByteArray() << QByteArray();
    QTest::newRow("prefix only") << QByteArray("sha256:") << QByteArray();
    QTest::newRow("too short") << hex.left(63) << QByteArray();
    QTest::newRow("too long") << hex + "0" << QByteArray();
    QTest::newRow("non-hex") << hex.left(63) + "g" << QByteArray();
    QTest::newRow("other algorithm") << QByteArray("sha512:") + hex << QByteArray();
    QTest::newRow("double prefix") << QByteArray("sha256:sha256:") + hex << QByteArray();
    QTest::newRow("space after prefix") << QByteArray("sha256: ") + hex << QByteArray();
    QTest::newRow("inner space") << hex.left(32) + " " + hex.mid(32) << QByteArray();
}

void TestChecksum::normalizeStoredChecksum()
{
    QFETCH(QByteArray, stored);
    QFETCH(QByteArray, expected);
    QCOMPARE(StateScope::normalizeStoredChecksum(stored), expected);
}

void TestChecksum::verifyCheckpoint_data()
{
    QTest::addColumn<QByteArray>("state");
    QTest::addColumn<QByteArray>("stored");
    QTest::addColumn<ChecksumStatus>("status");
    QTest::addColumn<QString>("errorPart");

    // Checksum of {"state":{"current":"idle","history":[1,2.5,true,null]},"variables":{"count":3,"name":"Zoë"}}
    const QByteArray hex("eb6d10a4c591ec7884dc7ddd7cd4314ea2d574f66405814a54a38e8d2cb7a682");
    const QByteArray state(R"({"history":[1,2.5,true,null],"current":"idle"})");

    QTest::newRow("verified") << state << hex << ChecksumStatus::Verified << QString();
    QTest::newRow("verified prefixed upper") << state << QByteArray("SHA256:") + hex.toUpper()
                                             << ChecksumStatus::Verified << QString();
    QTest::newRow("changed state") << QByteArray(R"({"history":[1,2.5,true,null],"current":"busy"})") << hex
                                   << ChecksumStatus::Corrupted << QStringLiteral("checksum mismatch");
    QTest::newRow("changed checksum") << state << hex.left(63) + "0"
                                      << ChecksumStatus::Corrupted << QStringLiteral("checksum mismatch");
    QTest::newRow("malformed checksum") << state << QByteArray("not-a-checksum")
                                        << ChecksumStatus::Corrupted << QStringLiteral("not a SHA-256");
    QTest::newRow("invalid JSON") << QByteArray(R"({"history":[1,2.5,true,null],)") << hex
                                  << ChecksumStatus::Corrupted << QStringLiteral("invalid JSON");
    QTest::newRow("duplicate key") << QByteArray(R"({"current":"idle","current":"idle"})") << hex
                                   << ChecksumStatus::Corrupted << QStringLiteral("duplicate member name");
    QTest::newRow("no checksum") << state << QByteArray() << ChecksumStatus::Unverifiable
                                 << QStringLiteral("no checksum");
    QTest::newRow("blank checksum") << state << QByteArray("  ") << ChecksumStatus::Unverifiable
                                    << QStringLiteral("no checksum");
    QTest::newRow("invalid JSON without checksum") << QByteArray("{") << QByteArray()
                                                   << ChecksumStatus::Corrupted << QStringLiteral("invalid JSON");
}

void TestChecksum::verifyCheckpoint()
{
    QFETCH(QByteArray, state);
    QFETCH(QByteArray, stored);
    QFETCH(ChecksumStatus, status);
    QFETCH(QString, errorPart);

    const QByteArray variables(R"({"count":3,"name":"Zoë"})");
    QString error = QStringLiteral("stale");
    QCOMPARE(StateScope::verifyCheckpoint(state, variables, stored, &error), status);
    if (errorPart.isEmpty())
        QVERIFY2(error.isEmpty(), qPrintable(error));
    else
        QVERIFY2(error.contains(errorPart), qPrintable(error));
    // The error pointer is optional.
    QCOMPARE(StateScope::verifyCheckpoint(state, variables, stored), status);
}

void TestChecksum::statusNames()
{
    QCOMPARE(checksumStatusName(ChecksumStatus::Verified), QStringLiteral("verified"));
    QCOMPARE(checksumStatusName(ChecksumStatus::Corrupted), QStringLiteral("corrupted"));
    QCOMPARE(checksumStatusName(ChecksumStatus::Unverifiable), QStringLiteral("unverifiable"));
}

QTEST_GUILESS_MAIN(TestChecksum)

#include "tst_checksum.moc"
