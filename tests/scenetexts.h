#pragma once

// The lines of text a timeline scene paints, of one role, in reading order.

#include "timeline/timelinescene.h"

#include <algorithm>
#include <vector>

namespace coroscope::test {

inline std::vector<SceneText> textsOf(const TimelineScene& scene, TextItem::Role role) {
    std::vector<SceneText> found;
    for (const SceneText& text : scene.texts())
        if (text.role == role)
            found.push_back(text);
    std::stable_sort(found.begin(), found.end(), [](const SceneText& a, const SceneText& b) {
        return a.rect.top() != b.rect.top() ? a.rect.top() < b.rect.top()
                                            : a.rect.left() < b.rect.left();
    });
    return found;
}

} // namespace coroscope::test
