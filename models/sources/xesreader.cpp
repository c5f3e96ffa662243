#include "xesreader.h"

#include "caseentrybuilder.h"
#include "eventstore.h"
#include "gzipdevice.h"
#include "timeutil.h"

#include <QFile>
#include <QFileInfo>
#include <QStringEncoder>
#include <QXmlStreamReader>

#include <vector>

namespace StateScope {

namespace {

constexpr qint64 kProgressStepBytes = 1024 * 1024;
constexpr quint32 kCancelCheckEvents = 1024;

// The attribute elements of XES that hold one value (list and container hold attributes).
bool isSimpleAttribute(QStringView tag)
{
    return tag == u"string" || tag == u"date" || tag == u"int" || tag == u"float" || tag == u"boolean" || tag == u"id";
}

bool isComplete(QStringView lifecycle)
{
    return lifecycle.trimmed().compare(u"complete", Qt::CaseInsensitive) == 0;
}

bool parseTime(QStringView text, TimeMs *out)
{
    // Narrowed on the stack: TimeUtil's QStringView overload allocates, and every event has a time.
    char buffer[64];
    if (text.size() > qsizetype(sizeof buffer))
        return TimeUtil::parse(text, out);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (c > 0x7f)
            return false;
        buffer[i] = char(c);
    }
    return TimeUtil::parse(QByteArrayView(buffer, text.size()), out);
}

// One pass over one log; the reader's state for that pass.
class XesParse
{
public:
    XesParse(QIODevice *device, QIODevice *measured, GzipDevice *gzip, const QString &name, CaseEntryBuilder *builder,
             LoadResult &result, const ProgressCallback &progress, const std::atomic_bool *cancel)
        : m_xml(device)
        , m_measured(measured)
        , m_gzip(gzip)
        , m_name(name)
        , m_builder(builder)
        , m_res(result)
        , m_progress(progress)
        , m_cancel(cancel)
        , m_totalBytes(measured->isSequential() ? -1 : measured->size())
    { }

    bool run();

    QString logName;
    quint64 lifecycleSkipped = 0;

private:
    struct Entry
    {
        qsizetype offset; // of the state's UTF-8 name in m_stateBytes
        qsizetype size;
        TimeMs time;
    };
    struct PendingIssue
    {
        quint32 event;
        QString problem;
    };

    bool fail();
    void readGlobal();
    void readTrace();
    void readEvent(quint32 number);
    void commitTrace(qint64 line, quint32 events);
    bool tick();
    void appendUtf8(QByteArray &out, QStringView text)
    {
        const qsizetype old = out.size();
        out.resize(old + m_utf8.requiredSpace(text.size()));
        out.resize(m_utf8.appendToBuffer(out.data() + old, text) - out.data());
    }

    QXmlStreamReader m_xml;
    QIODevice *m_measured;
    GzipDevice *m_gzip;
    const QString &m_name;
    CaseEntryBuilder *m_builder;
    LoadResult &m_res;
    const ProgressCallback &m_progress;
    const std::atomic_bool *m_cancel;
    const qint64 m_totalBytes;
    qint64 m_nextProgress = kProgressStepBytes;
    quint64 m_counted = 0;
    quint32 m_sinceCheck = 0;
    bool m_stopped = false;
    bool m_defaultComplete = true; // what an event without lifecycle:transition counts as

    QStringEncoder m_utf8 {QStringEncoder::Utf8};
    // The trace being read: its events are held until its end, where its id is surely known.
    QByteArray m_traceId;
    bool m_hasTraceId = false;
    QByteArray m_stateBytes;
    std::vector<Entry> m_entries;
    std::vector<PendingIssue> m_pending;
};

bool XesParse::run()
{
    if (!m_xml.readNextStartElement())
        return fail();
    if (m_xml.name() != u"log") {
        m_res.error = QStringLiteral("%1: not an XES log (the root element is <%2>, not <log>)")
                          .arg(m_name, m_xml.qualifiedName().toString());
        return false;
    }
    while (!m_stopped && m_xml.readNextStartElement()) {
        const QStringView tag = m_xml.name();
        if (tag == u"trace") {
            readTrace();
        } else if (tag == u"global") {
            readGlobal();
        } else if (tag == u"event") {
            m_res.addIssue({m_name, QStringLiteral("line %1").arg(m_xml.lineNumber()),
                            QStringLiteral("event outside a trace: skipped")});
            m_xml.skipCurrentElement();
        } else {
            if (isSimpleAttribute(tag) && logName.isNull()) {
                const QXmlStreamAttributes attributes = m_xml.attributes();
                if (attributes.value(QLatin1String("key")) == u"concept:name")
                    logName = attributes.value(QLatin1String("value")).toString();
            }
            m_xml.skipCurrentElement(); // extensions, classifiers, other attributes and what they nest
        }
    }
    if (m_stopped)
        return false;
    // On to the end of the document: content after </log> is as broken as a missing </log>.
    while (!m_xml.hasError() && !m_xml.atEnd())
        m_xml.readNext();
    if (m_xml.hasError() || (m_gzip && m_gzip->failed()))
        return fail();
    if (m_progress)
        m_progress({QStringLiteral("events"), qint64(m_counted), qint64(m_counted)});
    return true;
}

bool XesParse::fail()
{
    if (m_gzip && m_gzip->failed()) { // the XML error is only a symptom of the broken compression
        m_res.error = m_name + QStringLiteral(": ") + m_gzip->errorString();
        return false;
    }
    QString what = m_xml.hasError() ? m_xml.errorString() : QStringLiteral("no XML element");
    if (m_xml.error() == QXmlStreamReader::PrematureEndOfDocumentError)
        what += QStringLiteral(" (the file is empty or cut short)");
    m_res.error = QStringLiteral("%1: line %2, column %3: %4")
                      .arg(m_name)
                      .arg(m_xml.lineNumber())
                      .arg(m_xml.columnNumber())
                      .arg(what);
    return false;
}

void XesParse::readGlobal()
{
    // Globals give every element of their scope (default: events) an attribute; only the
    // lifecycle one changes what is read. Others, such as concept:name "__INVALID__", are
    // placeholders, not data.
    const QStringView scope = m_xml.attributes().value(QLatin1String("scope"));
    const bool events = scope.isEmpty() || scope == u"event";
    while (m_xml.readNextStartElement()) {
        if (events && isSimpleAttribute(m_xml.name())) {
            const QXmlStreamAttributes attributes = m_xml.attributes();
            if (attributes.value(QLatin1String("key")) == u"lifecycle:transition")
                m_defaultComplete = isComplete(attributes.value(QLatin1String("value")));
        }
        m_xml.skipCurrentElement();
    }
}

void XesParse::readTrace()
{
    const qint64 line = m_xml.lineNumber();
    m_traceId.clear();
    m_hasTraceId = false;
    m_stateBytes.clear();
    m_entries.clear();
    m_pending.clear();
    quint32 events = 0;
    while (m_xml.readNextStartElement()) {
        const QStringView tag = m_xml.name();
        if (tag == u"event") {
            readEvent(++events);
            if (++m_sinceCheck >= kCancelCheckEvents && !tick())
                return;
            continue; // readEvent consumed the element
        }
        if (!m_hasTraceId && isSimpleAttribute(tag)) {
            const QXmlStreamAttributes attributes = m_xml.attributes();
            if (attributes.value(QLatin1String("key")) == u"concept:name") {
                appendUtf8(m_traceId, attributes.value(QLatin1String("value")));
                m_hasTraceId = !m_traceId.isEmpty();
            }
        }
        m_xml.skipCurrentElement();
    }
    if (m_xml.hasError())
        return; // the caller reports it; a broken trace adds nothing
    commitTrace(line, events);
    tick();
}

void XesParse::readEvent(quint32 number)
{
    const qsizetype mark = m_stateBytes.size();
    bool hasName = false, hasTime = false, timeOk = false, counted = m_defaultComplete;
    TimeMs time = kUnknownTime;
    QString badTime;
    while (m_xml.readNextStartElement()) {
        if (isSimpleAttribute(m_xml.name())) {
            // Only direct attributes count; attributes nested in them are skipped below.
            const QXmlStreamAttributes attributes = m_xml.attributes();
            const QStringView key = attributes.value(QLatin1String("key"));
            const QStringView value = attributes.value(QLatin1String("value"));
            if (key == u"concept:name") {
                if (!hasName && !value.isEmpty()) {
                    appendUtf8(m_stateBytes, value);
                    hasName = true;
                }
            } else if (key == u"time:timestamp") {
                if (!hasTime) {
                    hasTime = true;
                    timeOk = parseTime(value, &time);
                    if (!timeOk)
                        badTime = value.left(64).toString();
                }
            } else if (key == u"lifecycle:transition") {
                counted = isComplete(value);
            }
        }
        m_xml.skipCurrentElement();
    }
    if (m_xml.hasError())
        return;
    if (!counted || !hasName || !timeOk)
        m_stateBytes.truncate(mark);
    if (!counted) {
        ++lifecycleSkipped;
        return;
    }
    QStringList problems;
    if (!hasName)
        problems << QStringLiteral("no concept:name");
    if (!hasTime)
        problems << QStringLiteral("no time:timestamp");
    else if (!timeOk)
        problems << QStringLiteral("unparsable time:timestamp \"%1\"").arg(badTime);
    if (!problems.isEmpty()) {
        m_pending.push_back({number, problems.join(QStringLiteral("; "))});
        return;
    }
    m_entries.push_back({mark, m_stateBytes.size() - mark, time});
}

void XesParse::commitTrace(qint64 line, quint32 events)
{
    if (!m_hasTraceId) {
        const QString skipped = events == 1 ? QStringLiteral("its event") : QStringLiteral("its %1 events").arg(events);
        m_res.addIssue({m_name, QStringLiteral("line %1").arg(line),
                        QStringLiteral("trace without concept:name: skipped with ") + skipped});
        return;
    }
    if (!m_pending.empty()) {
        const QString trace = QStringLiteral("trace ") + QString::fromUtf8(m_traceId);
        for (PendingIssue &p : m_pending)
            m_res.addIssue({m_name, trace + QStringLiteral(" event %1").arg(p.event), std::move(p.problem)});
    }
    for (const Entry &e : m_entries)
        m_builder->add(m_traceId, QByteArrayView(m_stateBytes.constData() + e.offset, e.size), e.time);
    m_counted += m_entries.size();
}

bool XesParse::tick()
{
    m_sinceCheck = 0;
    if (m_cancel && m_cancel->load(std::memory_order_relaxed)) {
        m_res.cancelled = true;
        m_stopped = true;
        m_xml.raiseError(QStringLiteral("cancelled")); // unwinds the element loops
        return false;
    }
    if (m_progress) {
        const qint64 bytes = m_measured->pos();
        if (bytes >= m_nextProgress) {
            m_nextProgress = bytes + kProgressStepBytes;
            const qint64 estimate
                = m_totalBytes > 0 ? qint64(double(m_counted) * double(m_totalBytes) / double(bytes)) : -1;
            m_progress({QStringLiteral("events"), qint64(m_counted), estimate});
        }
    }
    return true;
}

// "orders.xes.gz" -> "orders"
QString workflowNameFor(const QString &path)
{
    QString name = QFileInfo(path).fileName();
    if (name.endsWith(QLatin1String(".gz"), Qt::CaseInsensitive))
        name.chop(3);
    if (name.endsWith(QLatin1String(".xes"), Qt::CaseInsensitive))
        name.chop(4);
    return name.isEmpty() ? QFileInfo(path).fileName() : name;
}

} // namespace

bool XesReader::read(QIODevice *device, const QString &name, CaseEntryBuilder *builder, LoadResult *result,
                     const ProgressCallback &progress, const std::atomic_bool *cancel)
{
    LoadResult local;
    LoadResult &res = result ? *result : local;
    m_logName.clear();
    m_lifecycleSkipped = 0;
    std::unique_ptr<GzipDevice> gzip;
    QIODevice *xmlDevice = device;
    if (GzipDevice::looksCompressed(device->peek(2))) {
        gzip = std::make_unique<GzipDevice>(device);
        if (!gzip->open(QIODevice::ReadOnly)) {
            res.error = name + QStringLiteral(": ") + gzip->errorString();
            return false;
        }
        xmlDevice = gzip.get();
    }
    XesParse parse(xmlDevice, device, gzip.get(), name, builder, res, progress, cancel);
    const bool ok = parse.run();
    m_logName = parse.logName;
    m_lifecycleSkipped = parse.lifecycleSkipped;
    if (res.cancelled)
        res.error.clear(); // a cancel is not a broken file
    return ok;
}

std::shared_ptr<EventStore> loadXesSource(const QString &path, LoadResult *result, const ProgressCallback &progress,
                                          const std::atomic_bool *cancel)
{
    QFile file(path);
    if (!openLogFile(file, result))
        return nullptr;
    CaseEntryBuilder builder;
    XesReader reader;
    if (!reader.read(&file, QFileInfo(path).fileName(), &builder, result, progress, cancel) || !result->ok())
        return nullptr;
    if (reader.lifecycleSkipped() > 0)
        result->notes << QStringLiteral("%1 XES events other than lifecycle \"complete\" (e.g. start) were not counted")
                             .arg(reader.lifecycleSkipped());
    result->executionsRead += builder.caseCount();
    result->transitionsRead += builder.entryCount() - builder.caseCount();
    return builder.build(reader.logName().isEmpty() ? workflowNameFor(path) : reader.logName());
}

} // namespace StateScope
