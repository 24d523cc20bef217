#include "workprogress.h"

#include <QCoreApplication>
#include <QProgressDialog>

#include <algorithm>
#include <cmath>

namespace coroscope {

namespace {

constexpr int kSteps = 1000;

} // namespace

WorkProgress::WorkProgress(QWidget* parent, const QString& label)
    : dialog_(std::make_unique<QProgressDialog>(label, QObject::tr("Cancel"), 0, kSteps, parent)) {
    dialog_->setWindowModality(Qt::WindowModal);
    dialog_->setMinimumDuration(500); // quick work shows no dialog at all
    dialog_->setAutoReset(false);
    dialog_->setValue(0);
}

WorkProgress::~WorkProgress() = default;

Progress WorkProgress::progress() {
    return [dialog = dialog_.get()](double done) {
        // A modal dialog's setValue also lets the window paint and hear the Cancel button.
        dialog->setValue(int(std::lround(std::clamp(done, 0.0, 1.0) * kSteps)));
        QCoreApplication::processEvents();
        return !dialog->wasCanceled();
    };
}

bool WorkProgress::cancelled() const {
    return dialog_->wasCanceled();
}

} // namespace coroscope
