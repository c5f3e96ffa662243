#pragma once

#include "domaintypes.h"
#include "reportpdf.h"

#include <memory>
#include <optional>

namespace StateScope {

class EventStore;
class MatrixView;
class StateDiagramView;
class TimelineView;

namespace ReportPdf {

// The views drawn into the PDF, made for the page rather than taken from the window (whose
// docks may be small, tabbed away or zoomed in): the state diagram laid out and fitted whole,
// the transition matrix, and the timeline's latest lanes, at proportions that suit A4. They are
// never shown on screen.
class PageViews final
{
public:
    // Waits (with an event loop, at most timeoutMs) for the diagram's layout. The store must
    // outlive this object; asOf: the time scrubber's time, or kUnknownTime.
    PageViews(const AnalysisReport &report, const std::optional<StateMachineDefinition> &definition,
              const EventStore *store, TimeMs asOf, int timeoutMs = 15000);
    ~PageViews();

    std::vector<Figure> figures() const;
    StateDiagramView *diagram() const { return m_diagram.get(); }

private:
    std::unique_ptr<StateDiagramView> m_diagram;
    std::unique_ptr<MatrixView> m_matrix;
    std::unique_ptr<TimelineView> m_timeline;
};

} // namespace ReportPdf

} // namespace StateScope
