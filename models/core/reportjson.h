#pragma once

#include "analysisreport.h"

#include <QJsonObject>

namespace StateScope {

// The `analyze --format json` object (SPEC 6): the analytics keys plus source, executions,
// transitions, states and terminal. Durations in milliseconds; unknown numbers are null.
QJsonObject reportToJson(const AnalysisReport &report);

} // namespace StateScope
