#pragma once

#include <QByteArray>
#include <QIODevice>

#include <memory>

struct z_stream_s;

namespace StateScope {

// Read-only, sequential QIODevice that inflates gzip data from another device as it is read,
// so that a compressed log of any size is parsed in a small, fixed amount of memory (zlib,
// inflateInit2 with 16 + MAX_WBITS: gzip headers only). Concatenated gzip members (pigz,
// `cat a.gz b.gz`) read as one stream; bytes after the last member that do not start a new
// member are ignored, as gunzip does. A source that ends inside a member (a truncated file),
// corrupt data or a CRC mismatch makes read() return -1 with errorString() saying so, and
// failed() true.
class GzipDevice final : public QIODevice
{
    Q_OBJECT

public:
    // `source` must outlive this device; it is opened read-only if it is not open yet.
    explicit GzipDevice(QIODevice *source, QObject *parent = nullptr);
    ~GzipDevice() override;

    // Only QIODevice::ReadOnly (the device is always unbuffered: readers ask for large blocks).
    bool open(OpenMode mode) override;
    void close() override;
    bool isSequential() const override { return true; }

    bool failed() const { return m_failed; }
    // Compressed bytes taken from the source so far (progress of a read through the file).
    qint64 compressedBytesRead() const { return m_compressedRead; }

    // Whether the bytes start like a gzip member (the magic 1f 8b).
    static bool looksCompressed(QByteArrayView head);

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 maxSize) override;

private:
    bool refill();
    qint64 fail(const QString &message);
    void endStream();

    QIODevice *m_source;
    std::unique_ptr<z_stream_s> m_stream;
    QByteArray m_input;
    qint64 m_compressedRead = 0;
    bool m_initialised = false;
    bool m_inMember = false; // inside a member: its end has not been seen yet
    bool m_sourceEnded = false;
    bool m_finished = false;
    bool m_failed = false;
};

} // namespace StateScope
