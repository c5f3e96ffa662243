#include "gzipdevice.h"

#include <zlib.h>

#include <algorithm>

namespace StateScope {

namespace {
constexpr qsizetype kInputChunk = 256 * 1024;
}

GzipDevice::GzipDevice(QIODevice *source, QObject *parent)
    : QIODevice(parent)
    , m_source(source)
    , m_stream(std::make_unique<z_stream_s>())
{ }

GzipDevice::~GzipDevice()
{
    endStream();
}

bool GzipDevice::looksCompressed(QByteArrayView head)
{
    return head.size() >= 2 && quint8(head[0]) == 0x1f && quint8(head[1]) == 0x8b;
}

bool GzipDevice::open(OpenMode mode)
{
    if ((mode & ReadWrite) != ReadOnly) {
        setErrorString(QStringLiteral("gzip data can only be read"));
        return false;
    }
    if (!m_source->isOpen() && !m_source->open(ReadOnly)) {
        setErrorString(m_source->errorString());
        return false;
    }
    endStream();
    *m_stream = z_stream_s {};
    // 16 + MAX_WBITS: a gzip header and trailer (CRC-32, length) around the deflate data.
    if (inflateInit2(m_stream.get(), 16 + MAX_WBITS) != Z_OK) {
        setErrorString(
            QStringLiteral("zlib could not start: %1").arg(QLatin1String(m_stream->msg ? m_stream->msg : "")));
        return false;
    }
    m_initialised = true;
    m_input.resize(kInputChunk);
    m_compressedRead = 0;
    m_inMember = true; // the source starts with a member (an empty source is a truncated one)
    m_sourceEnded = m_finished = m_failed = false;
    return QIODevice::open(mode | Unbuffered);
}

void GzipDevice::close()
{
    endStream();
    QIODevice::close();
}

void GzipDevice::endStream()
{
    if (m_initialised)
        inflateEnd(m_stream.get());
    m_initialised = false;
}

qint64 GzipDevice::fail(const QString &message)
{
    m_failed = true;
    setErrorString(message);
    return -1;
}

bool GzipDevice::refill()
{
    if (m_sourceEnded)
        return true;
    const qint64 n = m_source->read(m_input.data(), m_input.size());
    if (n < 0) {
        fail(QStringLiteral("reading the compressed data failed: ") + m_source->errorString());
        return false;
    }
    m_sourceEnded = n == 0;
    m_compressedRead += n;
    m_stream->next_in = reinterpret_cast<Bytef *>(m_input.data());
    m_stream->avail_in = uInt(n);
    return true;
}

qint64 GzipDevice::readData(char *data, qint64 maxSize)
{
    if (m_failed)
        return -1;
    if (m_finished || !m_initialised || maxSize <= 0)
        return 0;
    z_stream_s &z = *m_stream;
    z.next_out = reinterpret_cast<Bytef *>(data);
    z.avail_out = uInt(std::min<qint64>(maxSize, qint64(1) << 30));
    const uInt wanted = z.avail_out;
    while (z.avail_out > 0) {
        if (z.avail_in == 0) {
            if (z.avail_out != wanted)
                break; // hand over what is there rather than wait for more input
            if (!refill())
                return -1;
            if (z.avail_in == 0) {
                if (m_inMember)
                    return fail(QStringLiteral("unexpected end of compressed data (truncated gzip file)"));
                m_finished = true;
                break;
            }
        }
        if (!m_inMember) {
            // Another member starts with the magic byte; anything else is trailing data (gunzip ignores it too).
            if (z.next_in[0] != 0x1f) {
                m_finished = true;
                break;
            }
            inflateReset(&z);
            m_inMember = true;
        }
        const int rc = inflate(&z, Z_NO_FLUSH);
        if (rc == Z_STREAM_END) {
            m_inMember = false;
        } else if (rc == Z_BUF_ERROR && z.avail_in == 0) {
            continue; // needs more input
        } else if (rc != Z_OK) {
            const QString why = z.msg ? QString::fromLatin1(z.msg) : QStringLiteral("error %1").arg(rc);
            return fail(QStringLiteral("bad gzip data: ") + why);
        }
    }
    return qint64(wanted - z.avail_out);
}

qint64 GzipDevice::writeData(const char *, qint64)
{
    return -1;
}

} // namespace StateScope
