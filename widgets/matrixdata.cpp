#include "matrixdata.h"

#include "edgedwell.h"
#include "matrixgeometry.h"
#include "statepalette.h"
#include "timeutil.h"

#include <QHash>
#include <QLocale>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>

namespace StateScope {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Durations for a cell, in three widths: "1.5 min", "1.5m", "2m" (level 0, 1, 2).
QString shortDuration(double ms, int level)
{
    struct Unit
    {
        double ms;
        const char *name;
    };
    static const Unit units[] = {{86400000.0, "d"}, {3600000.0, "h"}, {60000.0, "min"}, {1000.0, "s"}, {1.0, "ms"}};
    const Unit *unit = &units[std::size(units) - 1];
    for (const Unit &u : units) {
        if (ms >= u.ms) {
            unit = &u;
            break;
        }
    }
    const double v = ms / unit->ms;
    const int decimals = level >= 2 || v >= 10 || unit->ms == 1.0 ? 0 : 1;
    const QString number = QLocale().toString(v, 'f', decimals);
    if (level == 0)
        return number + QLatin1Char(' ') + QLatin1String(unit->name);
    // Narrow forms write minutes as "m", as compact durations commonly do ("1.5m").
    return number + (unit->ms == 60000.0 ? QLatin1String("m") : QLatin1String(unit->name));
}

// Counts: "12,345", "12.3k", "12k".
QString shortCount(quint64 count, int level)
{
    if (level == 0)
        return QLocale().toString(count);
    if (count < 1000)
        return QString::number(count);
    const bool millions = count >= 1000000;
    const double v = double(count) / (millions ? 1e6 : 1e3);
    return QString::number(v, 'f', level >= 2 || v >= 100 ? 0 : 1) + QLatin1Char(millions ? 'M' : 'k');
}

bool byCell(const AnalysisReport::Edge &a, const AnalysisReport::Edge &b)
{
    return a.from != b.from ? a.from < b.from : a.to < b.to;
}
} // namespace

bool MatrixData::setReport(const AnalysisReport &report)
{
    QStringList names;
    names.reserve(qsizetype(report.states.size()));
    for (const AnalysisReport::StateRow &s : report.states)
        names.append(s.name);
    const bool namesChanged = names != m_names;
    m_names = std::move(names);
    m_states = report.states;
    m_edges.clear();
    m_edges.reserve(report.edges.size());
    const int n = stateCount();
    for (const AnalysisReport::Edge &e : report.edges) {
        if (e.from >= 0 && e.to >= 0 && e.from < n && e.to < n)
            m_edges.push_back(e);
    }
    if (!std::is_sorted(m_edges.begin(), m_edges.end(), byCell))
        std::sort(m_edges.begin(), m_edges.end(), byCell);
    m_steadyMax = m_timeShareMax = 0;
    for (const AnalysisReport::StateRow &s : m_states) {
        m_steadyMax = std::max(m_steadyMax, s.steadyState);
        m_timeShareMax = std::max(m_timeShareMax, s.timeShare);
    }
    setDwell(m_dwell);
    return namesChanged;
}

void MatrixData::setDwell(const EdgeDwell *dwell)
{
    m_dwell = dwell;
    m_edgeDwell.assign(m_edges.size(), kNaN);
    if (!dwell || dwell->isEmpty())
        return;
    QHash<QString, int> index;
    index.reserve(m_names.size());
    for (int i = 0; i < stateCount(); ++i)
        index.insert(m_names[i], i);
    const QStringList &storeNames = dwell->stateNames();
    std::vector<int> toReport(size_t(storeNames.size()), -1);
    for (qsizetype s = 0; s < storeNames.size(); ++s)
        toReport[size_t(s)] = index.value(storeNames[s], -1);
    for (const EdgeDwell::Entry &e : dwell->entries()) {
        const int k = edgeIndex(toReport[size_t(e.from)], toReport[size_t(e.to)]);
        if (k >= 0)
            m_edgeDwell[size_t(k)] = e.meanMs;
    }
}

void MatrixData::setMode(Mode mode)
{
    m_mode = mode;
}

int MatrixData::edgeIndex(int row, int column) const
{
    if (row < 0 || column < 0)
        return -1;
    const AnalysisReport::Edge key {row, column, 0, 0};
    const auto it = std::lower_bound(m_edges.begin(), m_edges.end(), key, byCell);
    if (it == m_edges.end() || it->from != row || it->to != column)
        return -1;
    return int(it - m_edges.begin());
}

quint64 MatrixData::count(int row, int column) const
{
    const int k = edgeIndex(row, column);
    return k < 0 ? 0 : m_edges[size_t(k)].count;
}

double MatrixData::probability(int row, int column) const
{
    const int k = edgeIndex(row, column);
    return k < 0 ? 0.0 : m_edges[size_t(k)].probability;
}

double MatrixData::meanDwellMs(int row, int column) const
{
    const int k = edgeIndex(row, column);
    return k < 0 ? kNaN : m_edgeDwell[size_t(k)];
}

double MatrixData::value(size_t edge) const
{
    switch (m_mode) {
    case Mode::Probability:
        return m_edges[edge].probability;
    case Mode::Count:
        return double(m_edges[edge].count);
    case Mode::MeanDwell:
        return m_edgeDwell[edge];
    }
    return kNaN;
}

double MatrixData::value(int row, int column) const
{
    const int k = edgeIndex(row, column);
    return k < 0 ? kNaN : value(size_t(k));
}

QColor MatrixData::cellColor(int row, int column) const
{
    if (row < 0 || column < 0 || row >= m_cellImage.height() || column >= m_cellImage.width())
        return {};
    return m_cellImage.pixelColor(column, row);
}

void MatrixData::rebuild()
{
    // Probability keeps a fixed [0, 1] so colors mean the same from report to report; counts
    // and durations span decades and take their range from the data, on a log scale.
    m_low = 0;
    m_high = 1;
    if (m_mode != Mode::Probability) {
        m_low = std::numeric_limits<double>::infinity();
        m_high = -m_low;
        for (size_t e = 0; e < m_edges.size(); ++e) {
            const double v = value(e);
            if (!std::isnan(v)) {
                m_low = std::min(m_low, v);
                m_high = std::max(m_high, v);
            }
        }
        if (m_low > m_high)
            m_low = m_high = 0;
    }
    const int n = stateCount();
    if (m_cellImage.width() != n)
        m_cellImage = n > 0 ? QImage(n, n, QImage::Format_RGB32) : QImage();
    if (n == 0)
        return;
    m_cellImage.fill(m_emptyColor);
    const QRgb unknown = StatePalette::unknown().rgb();
    const bool log = logarithmic();
    m_hasUnknown = false;
    for (size_t e = 0; e < m_edges.size(); ++e) {
        const double v = value(e);
        m_hasUnknown = m_hasUnknown || std::isnan(v);
        const QRgb rgb = std::isnan(v)
            ? unknown
            : MatrixGeometry::heatColor(MatrixGeometry::scalePosition(v, m_low, m_high, log)).rgb();
        reinterpret_cast<QRgb *>(m_cellImage.scanLine(m_edges[e].from))[m_edges[e].to] = rgb;
    }
}

QString MatrixData::formatValue(double value, int level) const
{
    switch (m_mode) {
    case Mode::Probability:
        if (level > 0 && value > 0 && value < 0.01)
            return QStringLiteral("<.01");
        // Shorter without the leading zero: ".93" fits cells where "0.93" does not.
        return level > 0 && value < 0.995 ? QLocale().toString(value, 'f', 2).mid(1)
                                          : QLocale().toString(value, 'f', 2);
    case Mode::Count:
        return shortCount(quint64(value), level);
    case Mode::MeanDwell:
        return shortDuration(value, level);
    }
    return {};
}

QString MatrixData::percent(double share)
{
    if (share > 0 && share < 0.001)
        return QStringLiteral("<0.1%");
    return QLocale().toString(share * 100, 'f', share > 0 ? 1 : 0) + QLatin1Char('%');
}

QString MatrixData::cellToolTip(int row, int column) const
{
    if (row < 0 || column < 0 || row >= stateCount() || column >= stateCount())
        return {};
    const QString title = tr("%1 → %2").arg(m_names[row], m_names[column]);
    const int k = edgeIndex(row, column);
    if (k < 0)
        return title + QLatin1Char('\n') + tr("No transitions");
    const AnalysisReport::Edge &e = m_edges[size_t(k)];
    QString text = title + QLatin1Char('\n') + tr("Count: %1").arg(QLocale().toString(e.count)) + QLatin1Char('\n')
        + tr("Probability: %1 (%2)").arg(QLocale().toString(e.probability, 'f', 3), percent(e.probability));
    const double dwell = m_edgeDwell[size_t(k)];
    if (!std::isnan(dwell))
        text += QLatin1Char('\n') + tr("Mean dwell before the move: %1").arg(TimeUtil::formatDuration(dwell));
    return text;
}

QString MatrixData::stateToolTip(int state) const
{
    if (state < 0 || state >= stateCount())
        return {};
    const AnalysisReport::StateRow &s = m_states[size_t(state)];
    QString text = s.name;
    if (s.terminal)
        text += QLatin1Char(' ') + tr("(terminal)");
    if (s.trapped)
        text += QLatin1Char(' ') + tr("(trapped)");
    return text + QLatin1Char('\n')
        + tr("Steady state π: %1 (%2)").arg(QLocale().toString(s.steadyState, 'f', 4), percent(s.steadyState))
        + QLatin1Char('\n') + tr("Time share: %1").arg(percent(s.timeShare));
}

QString MatrixData::legendTitle(bool haveStore) const
{
    switch (m_mode) {
    case Mode::Probability:
        return tr("Probability");
    case Mode::Count:
        return tr("Count (log scale)");
    case Mode::MeanDwell:
        return haveStore ? tr("Mean dwell before the move (log scale)") : tr("Mean dwell: no event store");
    }
    return {};
}

} // namespace StateScope
