#include "workprogress.h"

#include <QCoreApplication>
#include <QEvent>
#include <QEventLoop>
#include <QMetaObject>
#include <QProgressDialog>
#include <QTimer>
#include <QWindow>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <thread>

namespace coroscope {

namespace {

constexpr int kSteps = 1000;
// How often the bar follows work in the background, and Cancel is passed on to it.
constexpr int kPollMs = 30;

int stepsOf(double done) {
    return int(std::lround(std::clamp(done, 0.0, 1.0) * kSteps));
}

// Keeps user input away from one window while work in the background decides what it shows.
// (Once the progress dialog is shown, its window modality does the same; this covers the half
// second before, and works without a dialog.) A close of the window calls onClose instead.
class InputBlock : public QObject {
public:
    InputBlock(QWidget* window, std::function<void()> onClose)
        : window_(window)
        , onClose_(std::move(onClose)) {
        if (window_)
            QCoreApplication::instance()->installEventFilter(this);
    }

    bool eventFilter(QObject* watched, QEvent* event) override {
        const QEvent::Type type = event->type();
        if (!isInput(type) || !inWindow(watched))
            return false;
        if (type == QEvent::Close)
            onClose_();
        if (type == QEvent::ShortcutOverride)
            event->accept(); // taken by the widget in focus: no shortcut fires
        else
            event->ignore(); // a close ignored leaves the window open
        return true;
    }

private:
    static bool isInput(QEvent::Type type) {
        switch (type) {
        case QEvent::MouseButtonPress:
        case QEvent::MouseButtonRelease:
        case QEvent::MouseButtonDblClick:
        case QEvent::Wheel:
        case QEvent::KeyPress:
        case QEvent::KeyRelease:
        case QEvent::ShortcutOverride:
        case QEvent::Shortcut:
        case QEvent::ContextMenu:
        case QEvent::TouchBegin:
        case QEvent::TouchUpdate:
        case QEvent::TouchEnd:
        case QEvent::TabletPress:
        case QEvent::TabletRelease:
        case QEvent::NativeGesture:
        case QEvent::DragEnter:
        case QEvent::DragMove:
        case QEvent::Drop:
        case QEvent::Close:
            return true;
        default:
            return false;
        }
    }

    // A widget of the window (not of the dialog, a window of its own), or the window's QWindow.
    bool inWindow(QObject* watched) const {
        if (auto* widget = qobject_cast<QWidget*>(watched))
            return widget->window() == window_;
        return watched->isWindowType() && watched == window_->windowHandle();
    }

    QWidget* window_;
    std::function<void()> onClose_;
};

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
        dialog->setValue(stepsOf(done));
        QCoreApplication::processEvents();
        return !dialog->wasCanceled();
    };
}

bool WorkProgress::cancelled() const {
    return dialog_->wasCanceled();
}

void WorkProgress::runInBackground(const std::function<void(const Progress&)>& work) {
    // What the two threads share; the work's thread is joined before these go.
    std::atomic<double> done{0};
    std::atomic<bool> stop{false};
    std::exception_ptr thrown;
    QEventLoop loop;
    const auto cancel = [&stop] { stop.store(true, std::memory_order_relaxed); };
    // A click on Cancel stops the work at once; cancel() called directly is seen by the poll.
    QObject::connect(dialog_.get(), &QProgressDialog::canceled, &loop, cancel);
    QTimer poll;
    poll.setInterval(kPollMs);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        dialog_->setValue(stepsOf(done.load(std::memory_order_relaxed)));
        if (dialog_->wasCanceled())
            cancel();
    });
    InputBlock block(dialog_->parentWidget() ? dialog_->parentWidget()->window() : nullptr, cancel);
    std::thread worker([&] {
        try {
            work([&done, &stop](double fraction) {
                done.store(fraction, std::memory_order_relaxed);
                return !stop.load(std::memory_order_relaxed);
            });
        } catch (...) {
            thrown = std::current_exception();
        }
        // Queued: handled inside exec() however soon the work ends.
        QMetaObject::invokeMethod(
            &loop, [&loop] { loop.quit(); }, Qt::QueuedConnection);
    });
    poll.start();
    loop.exec();
    // exec() returns early only when the application quits: the work is asked to stop then.
    cancel();
    worker.join();
    if (thrown)
        std::rethrow_exception(thrown);
}

} // namespace coroscope
