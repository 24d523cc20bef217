#include "playbackbar.h"

#include "axis.h"
#include "bridge/schedulerbridge.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QSlider>
#include <QStyle>

#include <cmath>

namespace coroscope {

namespace {

constexpr int kScrubberSteps = 10'000;
constexpr double kSpeeds[] = {0.1, 0.25, 0.5, 1, 2, 4, 10, 100};

} // namespace

PlaybackBar::PlaybackBar(SchedulerBridge* bridge, QWidget* parent)
    : QToolBar(tr("Playback"), parent)
    , bridge_(bridge) {
    setObjectName(QStringLiteral("playback"));
    setMovable(false);

    play_ = addAction(style()->standardIcon(QStyle::SP_MediaPause), tr("Pause"));
    play_->setShortcut(Qt::Key_Space);
    play_->setToolTip(tr("Play or pause the animation (Space)"));
    connect(play_, &QAction::triggered, this,
            [this] { bridge_->isPlaying() ? bridge_->pause() : bridge_->play(); });

    restart_ = addAction(style()->standardIcon(QStyle::SP_MediaSkipBackward), tr("Restart"));
    restart_->setShortcut(Qt::CTRL | Qt::Key_R);
    restart_->setToolTip(tr("Start the animation over (Ctrl+R)"));
    connect(restart_, &QAction::triggered, bridge_, &SchedulerBridge::restart);

    loop_ = addAction(style()->standardIcon(QStyle::SP_BrowserReload), tr("Loop"));
    loop_->setCheckable(true);
    loop_->setChecked(bridge_->loops());
    loop_->setToolTip(tr("Replay when the timeline ends"));
    connect(loop_, &QAction::toggled, bridge_, &SchedulerBridge::setLoop);

    speed_ = new QComboBox(this);
    speed_->setToolTip(tr("Playback speed (1× plays the whole axis in 10 s)"));
    for (double speed : kSpeeds)
        speed_->addItem(QStringLiteral("%1×").arg(speed), speed);
    showSpeed(bridge_->speed());
    connect(speed_, &QComboBox::currentIndexChanged, this,
            [this](int index) { bridge_->setSpeed(speed_->itemData(index).toDouble()); });
    addWidget(speed_);

    scrubber_ = new QSlider(Qt::Horizontal, this);
    scrubber_->setRange(0, kScrubberSteps);
    scrubber_->setToolTip(tr("Drag to any moment of the timeline"));
    scrubber_->setMinimumWidth(200);
    connect(scrubber_, &QSlider::sliderPressed, this, [this] {
        resumeAfterScrub_ = bridge_->isPlaying();
        bridge_->pause();
    });
    // Only the user's drags and clicks arrive here: showTime() blocks the slider's signals.
    connect(scrubber_, &QSlider::valueChanged, this,
            [this](int value) { bridge_->seek(bridge_->axisEnd() * value / kScrubberSteps); });
    connect(scrubber_, &QSlider::sliderReleased, this, [this] {
        if (resumeAfterScrub_)
            bridge_->play();
    });
    addWidget(scrubber_);

    time_ = new QLabel(this);
    time_->setMinimumWidth(150);
    time_->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    addWidget(time_);

    connect(bridge_, &SchedulerBridge::timeAdvanced, this, &PlaybackBar::showTime);
    connect(bridge_, &SchedulerBridge::playingChanged, this, &PlaybackBar::showPlaying);
    connect(bridge_, &SchedulerBridge::speedChanged, this, &PlaybackBar::showSpeed);
    connect(bridge_, &SchedulerBridge::loopChanged, loop_, &QAction::setChecked);
    showPlaying(bridge_->isPlaying());
    showTime(bridge_->now());
}

void PlaybackBar::showTime(double nowMs) {
    const QSignalBlocker blocker(scrubber_);
    scrubber_->setValue(int(std::lround(nowMs / bridge_->axisEnd() * kScrubberSteps)));
    time_->setText(
        QStringLiteral("%1 / %2").arg(QString::fromStdString(axisLabel(std::floor(nowMs))),
                                      QString::fromStdString(axisLabel(bridge_->axisEnd()))));
}

void PlaybackBar::showSpeed(double speed) {
    int index = speed_->findData(speed);
    if (index < 0) { // a speed from the command line that the list lacks
        speed_->addItem(QStringLiteral("%1×").arg(speed), speed);
        index = speed_->count() - 1;
    }
    const QSignalBlocker blocker(speed_);
    speed_->setCurrentIndex(index);
}

void PlaybackBar::showPlaying(bool playing) {
    play_->setText(playing ? tr("Pause") : tr("Play"));
    play_->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
}

} // namespace coroscope
