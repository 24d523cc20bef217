#pragma once

// The editor of a join step's tasks: every other task of the scenario in a checkable list,
// the joined ones checked. Enter or leaving it commits (as the delegate does for any editor).

#include <QListWidget>

#include <cstdint>
#include <vector>

namespace coroscope {

class ScenarioModel;

class JoinEditor : public QListWidget {
    Q_OBJECT
public:
    // The tasks task `self` may name (all but itself).
    JoinEditor(const ScenarioModel& model, int self, QWidget* parent);

    void setJoined(const std::vector<std::uint32_t>& tasks);
    std::vector<std::uint32_t> joined() const;
    // Tall enough for a few tasks, whatever the row it edits.
    QSize sizeHint() const override;
};

} // namespace coroscope
