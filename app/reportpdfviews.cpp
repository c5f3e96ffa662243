#include "reportpdfviews.h"

#include "analysisreport.h"
#include "eventstore.h"
#include "matrixview.h"
#include "statediagramview.h"
#include "timelineview.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QTimer>

#include <algorithm>

namespace StateScope::ReportPdf {

namespace {
// Rendered, never shown: the widgets get their size (and resize events) without a window.
template<typename View> std::unique_ptr<View> offscreen(QSize size)
{
    auto view = std::make_unique<View>();
    view->setAttribute(Qt::WA_DontShowOnScreen);
    view->resize(size);
    view->show();
    return view;
}

// The timeline fitted to all the data shows days in which an execution is a hairline: zoom in
// (keeping the latest time at the right edge) to a span of some typical executions' length.
void zoomToLatest(TimelineView &timeline, const EventStore &store, TimeMs asOf)
{
    std::vector<TimeMs> durations;
    durations.reserve(store.executionCount());
    for (ExecutionIndex e = 0; e < store.executionCount(); ++e) {
        const TimeMs entry = store.executionEntryTime(e);
        const quint32 last = store.lastTransitionOf(e);
        if (entry == kUnknownTime || last == kNoIndex || (asOf != kUnknownTime && entry > asOf))
            continue;
        durations.push_back(store.transitionTime(last) - entry);
    }
    if (durations.empty())
        return;
    std::nth_element(durations.begin(), durations.begin() + qsizetype(durations.size() / 2), durations.end());
    const double target = std::max(60000.0, 12.0 * double(durations[durations.size() / 2]));
    const TimelineGeometry &g = timeline.geometry();
    for (int i = 0; i < 80 && g.visibleEnd() - g.visibleStart() > target; ++i)
        timeline.zoomIn();
}
} // namespace

PageViews::PageViews(const AnalysisReport &report, const std::optional<StateMachineDefinition> &definition,
                     const EventStore *store, TimeMs asOf, int timeoutMs)
{
    m_diagram = offscreen<StateDiagramView>(QSize(1200, 760));
    m_diagram->setDefinition(definition);
    m_diagram->setReport(report);
    if (m_diagram->isLayoutPending()) { // Graphviz runs on a worker
        QEventLoop loop;
        QObject::connect(m_diagram.get(), &StateDiagramView::layoutChanged, &loop, &QEventLoop::quit);
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    // As tall as the laid-out graph needs at the page's width, so the page holds no empty band.
    const QRectF scene = m_diagram->geometry().sceneRect();
    if (scene.width() > 0)
        m_diagram->resize(1200, std::clamp(int(1200 * scene.height() / scene.width()) + 80, 320, 1000));
    m_diagram->fitToView();

    // Square-ish, so the state names along both axes keep a readable size.
    const int n = int(report.states.size());
    m_matrix = offscreen<MatrixView>(QSize(std::clamp(300 + 44 * n, 640, 1400), std::clamp(160 + 34 * n, 420, 1100)));
    m_matrix->setReport(report);

    if (store) {
        m_timeline = offscreen<TimelineView>(QSize(1200, 620));
        m_timeline->setStore(store);
        m_timeline->setAsOf(asOf);
        m_timeline->setFollowLive(true); // the right edge at the latest event (or the scrubber)
        zoomToLatest(*m_timeline, *store, asOf);
    }
}

PageViews::~PageViews() = default;

std::vector<Figure> PageViews::figures() const
{
    // Captions in the report's catalog context (reportpdf.cpp).
    std::vector<Figure> out{
        {QCoreApplication::translate("StateScope::ReportPdf", "State diagram"), m_diagram.get(), 0.6},
        {QCoreApplication::translate("StateScope::ReportPdf", "Transition matrix (probabilities)"), m_matrix.get(),
         0.55}};
    if (m_timeline) {
        out.push_back({QCoreApplication::translate("StateScope::ReportPdf", "Timeline: the latest executions"),
                       m_timeline.get(), 0.45});
    }
    return out;
}

} // namespace StateScope::ReportPdf
