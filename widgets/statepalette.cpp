#include "statepalette.h"

#include "colorscience.h"

#include <QCryptographicHash>
#include <QHash>
#include <QRegularExpression>

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

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

quint64 &generationCounter()
{
    static quint64 generation = 1;
    return generation;
}

// The colors after the base ones, each picked from a grid of hues, saturations and
// lightnesses (readable on light and dark backgrounds) as the one farthest from every color
// before it, for normal vision and with protanopia or deuteranopia. Euclidean Lab distance
// and a running nearest distance per candidate keep it cheap (well under a millisecond for
// all slots); the tests check the result in CIEDE2000.
QColor spread(int index)
{
    using Vision = ColorScience::Vision;
    constexpr Vision kVisions[] = {Vision::Normal, Vision::Protanopia, Vision::Deuteranopia};
    struct Candidate
    {
        QColor color;
        std::array<ColorScience::Lab, 3> lab;
        double nearest = 1e9; // to the colors taken so far, in the closest of the visions
    };
    static std::vector<Candidate> candidates;
    static std::vector<QColor> picked;
    const auto take = [](const std::array<ColorScience::Lab, 3> &lab) {
        for (Candidate &c : candidates)
            for (size_t v = 0; v < 3; ++v)
                c.nearest = std::min(c.nearest, std::hypot(c.lab[v][0] - lab[v][0], c.lab[v][1] - lab[v][1],
                                                           c.lab[v][2] - lab[v][2]));
    };
    const auto labs = [&](const QColor &c) {
        std::array<ColorScience::Lab, 3> out;
        for (size_t v = 0; v < 3; ++v)
            out[v] = ColorScience::lab(c, kVisions[v]);
        return out;
    };
    if (candidates.empty()) {
        for (int hue = 0; hue < 360; hue += 5)
            for (const float saturation : {0.45f, 0.7f})
                for (const float lightness : {0.35f, 0.5f, 0.65f}) {
                    const QColor c = QColor::fromHslF(float(hue) / 360.0f, saturation, lightness);
                    const std::array<ColorScience::Lab, 3> lab = labs(c);
                    if (lab[0][0] >= 35 && lab[0][0] <= 80)
                        candidates.push_back({c, lab});
                }
        for (const QColor &c : kBase)
            take(labs(c));
    }
    while (int(picked.size()) <= index) {
        const auto best = std::max_element(candidates.cbegin(), candidates.cend(),
                                           [](const Candidate &a, const Candidate &b) { return a.nearest < b.nearest; });
        picked.push_back(best->color);
        take(best->lab);
    }
    return picked[size_t(index)];
}
} // namespace

void StatePalette::assign(QStringList stateNames)
{
    stateNames.sort();
    stateNames.removeDuplicates();
    QHash<QString, QColor> colors;
    for (int i = 0; i < stateNames.size(); ++i)
        colors.insert(stateNames[i], i < kBaseCount ? kBase[i] : spread(i - kBaseCount));
    if (colors != assigned()) {
        assigned() = std::move(colors);
        ++generationCounter();
    }
}

quint64 StatePalette::generation()
{
    return generationCounter();
}

QList<QColor> StatePalette::baseColors()
{
    return QList<QColor>(std::begin(kBase), std::end(kBase));
}

bool StatePalette::isFailure(const QString &stateName)
{
    // Word parts, so that "Failover" or "Terror" do not count; camel case splits too.
    static const QRegularExpression failure(
        QStringLiteral("(^|[^a-z])(fail(ed|ure|s)?|errors?|err|abort(ed)?|cancel(l?ed)?|rejected|timed[ _-]?out|time[ _-]?out|crash(ed)?)($|[^a-z])"));
    static const QRegularExpression camel(QStringLiteral("([a-z])([A-Z])"));
    QString spaced = stateName;
    spaced.replace(camel, QStringLiteral("\\1 \\2"));
    return failure.match(spaced.toLower()).hasMatch();
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
