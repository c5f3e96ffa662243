#include "statepalette.h"

#include <QCryptographicHash>
#include <QHash>

#include <cmath>

namespace StateScope {

namespace {
// Okabe & Ito (2008), without black: distinguishable for protan, deutan and tritan viewers.
const QColor kBase[] = {QColor(0x00, 0x72, 0xb2), QColor(0xe6, 0x9f, 0x00), QColor(0x00, 0x9e, 0x73),
                        QColor(0xcc, 0x79, 0xa7), QColor(0x56, 0xb4, 0xe9), QColor(0xd5, 0x5e, 0x00),
                        QColor(0xf0, 0xe4, 0x42)};
constexpr int kBaseCount = int(std::size(kBase));
// Slots past the base colors: enough that different names rarely share one.
constexpr int kSlots = 64;
} // namespace

namespace {
QHash<QString, QColor> &assigned()
{
    static QHash<QString, QColor> colors;
    return colors;
}

QColor spread(int index)
{
    const double hue = std::fmod(double(index) * 137.508 + 20.0, 360.0);
    return QColor::fromHslF(float(hue / 360.0), 0.55f, index % 2 ? 0.42f : 0.58f);
}
} // namespace

void StatePalette::assign(QStringList stateNames)
{
    stateNames.sort();
    stateNames.removeDuplicates();
    QHash<QString, QColor> &colors = assigned();
    colors.clear();
    for (int i = 0; i < stateNames.size(); ++i)
        colors.insert(stateNames[i], i < kBaseCount ? kBase[i] : spread(i - kBaseCount));
}

QColor StatePalette::color(const QString &stateName)
{
    if (const auto it = assigned().constFind(stateName); it != assigned().cend())
        return *it;
    // A stable hash of the name (not qHash, which is seeded per process).
    const QByteArray digest = QCryptographicHash::hash(stateName.toUtf8(), QCryptographicHash::Md5);
    const quint32 h = quint32(quint8(digest[0])) | quint32(quint8(digest[1])) << 8 | quint32(quint8(digest[2])) << 16;
    const int slot = int(h % quint32(kBaseCount + kSlots));
    if (slot < kBaseCount)
        return kBase[slot];
    return spread(slot - kBaseCount);
}

QColor StatePalette::textOn(const QColor &background)
{
    auto linear = [](float c) { return c <= 0.03928f ? c / 12.92f : std::pow((c + 0.055f) / 1.055f, 2.4f); };
    const float luminance = 0.2126f * linear(background.redF()) + 0.7152f * linear(background.greenF())
        + 0.0722f * linear(background.blueF());
    // Contrast against white is (1.05) / (L + 0.05); against black (L + 0.05) / 0.05.
    return (1.05f / (luminance + 0.05f)) >= ((luminance + 0.05f) / 0.05f) ? QColor(Qt::white) : QColor(Qt::black);
}

} // namespace StateScope
