#pragma once

// The width of the widest of many names (the row labels' column), without shaping every one:
// a name of plain ASCII is first estimated by adding up its characters' advances, and only the
// names whose estimate comes near the widest are measured. Opening 100,000 tasks then measures
// a handful of names rather than all of them.

#include <QFontMetricsF>
#include <QStringList>

namespace coroscope {

// The largest horizontalAdvance() of the names in the metrics' font (0 for none).
double widestName(const QStringList& names, const QFontMetricsF& metrics);

} // namespace coroscope
