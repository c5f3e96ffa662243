#pragma once

#include "analysisreport.h"

namespace StateScope {

// The `analyze --format text` report: sections with aligned tables, for a person at a
// terminal. Long lists are cut to their head with a line saying how many were left out.
QString reportToText(const AnalysisReport &report);

} // namespace StateScope
