#include "editing/joineditor.h"

#include "bridge/qtext.h"
#include "editing/scenariomodel.h"

#include <algorithm>

namespace coroscope {

namespace {

constexpr int kShownRows = 8;
constexpr int kTaskRole = Qt::UserRole;

} // namespace

JoinEditor::JoinEditor(const ScenarioModel& model, int self, QWidget* parent)
    : QListWidget(parent) {
    setAccessibleName(tr("Tasks joined"));
    setToolTip(tr("Check the tasks this step waits for; Enter commits"));
    const std::vector<Task>& tasks = model.scenario().tasks;
    for (std::size_t u = 0; u < tasks.size(); ++u) {
        if (int(u) == self)
            continue;
        auto* item = new QListWidgetItem(toQString(tasks[u].name), this);
        item->setData(kTaskRole, int(u));
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
}

void JoinEditor::setJoined(const std::vector<std::uint32_t>& tasks) {
    for (int row = 0; row < count(); ++row) {
        const auto u = std::uint32_t(item(row)->data(kTaskRole).toInt());
        const bool joined = std::find(tasks.begin(), tasks.end(), u) != tasks.end();
        item(row)->setCheckState(joined ? Qt::Checked : Qt::Unchecked);
    }
}

std::vector<std::uint32_t> JoinEditor::joined() const {
    std::vector<std::uint32_t> tasks;
    for (int row = 0; row < count(); ++row)
        if (item(row)->checkState() == Qt::Checked)
            tasks.push_back(std::uint32_t(item(row)->data(kTaskRole).toInt()));
    return tasks;
}

QSize JoinEditor::sizeHint() const {
    const int rows = std::clamp(count(), 1, kShownRows);
    const int row = std::max(sizeHintForRow(0), fontMetrics().height());
    return {QListWidget::sizeHint().width(), rows * row + 2 * frameWidth()};
}

} // namespace coroscope
