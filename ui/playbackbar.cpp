#include "playbackbar.h"

#include "bridge/schedulerbridge.h"
#include "view/axis.h"

#include <QAction>
#include <QComboBox>
#include <QKeyEvent>
#include <QLabel>
#include <QPainter>
#include <QProxyStyle>
#include <QSlider>
#include <QStyle>
#include <QToolButton>

#include <cmath>
#include <iterator>

namespace coroscope {

namespace {

constexpr int kScrubberSteps = 10'000;
constexpr int kScrubberPage = kScrubberSteps / 10; // PageUp/PageDown: a tenth of the axis
// Wide enough for most readouts, so that the scrubber does not jump as the time grows.
constexpr int kTimeWidth = 150;
constexpr double kSpeeds[] = {0.1, 0.25, 0.5, 1, 2, 4, 10, 100};

// Space plays and pauses anywhere in the window, except on a focused button of the bar: there
// it presses that button, as on any other button.
class SpacePressesButton final : public QObject {
public:
    using QObject::QObject;
    bool eventFilter(QObject*, QEvent* event) override {
        if (event->type() != QEvent::ShortcutOverride)
            return false;
        auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() != Qt::Key_Space || key->modifiers() != Qt::NoModifier)
            return false;
        event->accept(); // the button gets the key press, the shortcut does not fire
        return true;
    }
};

// The scrubber as a timeline's: a click on the groove jumps there (a slider would move one
// page step towards it), Left/Right go to the previous/next event, PageDown/PageUp a tenth of
// the axis later/earlier, Home/End to either end.
class ScrubberKeys final : public QProxyStyle {
public:
    using QProxyStyle::QProxyStyle;
    int styleHint(StyleHint hint, const QStyleOption* option, const QWidget* widget,
                  QStyleHintReturn* returned) const override {
        if (hint == SH_Slider_AbsoluteSetButtons)
            return Qt::LeftButton;
        return QProxyStyle::styleHint(hint, option, widget, returned);
    }
};

class ScrubberFilter final : public QObject {
public:
    ScrubberFilter(QSlider* slider, SchedulerBridge* bridge)
        : QObject(slider)
        , slider_(slider)
        , bridge_(bridge) {}
    bool eventFilter(QObject*, QEvent* event) override {
        if (event->type() != QEvent::KeyPress)
            return false;
        switch (static_cast<QKeyEvent*>(event)->key()) {
        case Qt::Key_Left:
            bridge_->stepBack();
            return true;
        case Qt::Key_Right:
            bridge_->stepForward();
            return true;
        case Qt::Key_PageDown:
            slider_->setValue(slider_->value() + kScrubberPage);
            return true;
        case Qt::Key_PageUp:
            slider_->setValue(slider_->value() - kScrubberPage);
            return true;
        default:
            return false; // Home and End work as they are
        }
    }

private:
    QSlider* slider_;
    SchedulerBridge* bridge_;
};

} // namespace

KeyHelpList PlaybackBar::keyHelp() {
    // As ScrubberFilter, the slider with ScrubberKeys' style and SpacePressesButton do.
    return {
        {keyNames({Qt::Key_Left, Qt::Key_Right}), tr("Previous / next event (on the scrubber)")},
        {keyNames({Qt::Key_PageUp, Qt::Key_PageDown}),
         tr("A tenth of the run earlier / later, stopping at either end (on the scrubber)")},
        {keyNames({Qt::Key_Up, Qt::Key_Down}),
         tr("A hundredth of the run later / earlier (on the scrubber)")},
        {keyNames({Qt::Key_Home, Qt::Key_End}), tr("The start / end of the run (on the scrubber)")},
        {tr("Click the groove"), tr("Go to that moment (on the scrubber)")},
        {keyNames({Qt::Key_Space}), tr("Press the focused button (on the playback bar)")}};
}

PlaybackBar::PlaybackBar(SchedulerBridge* bridge, QWidget* parent)
    : QToolBar(tr("Playback"), parent)
    , bridge_(bridge) {
    setObjectName(QStringLiteral("playback"));
    setMovable(false);

    play_ = addAction(tr("Pause"));
    play_->setIconText(tr("Play / Pause")); // the shortcuts' name: its text follows the state
    play_->setShortcut(Qt::Key_Space);
    play_->setToolTip(tr("Play or pause the animation (Space)"));
    connect(play_, &QAction::triggered, this,
            [this] { bridge_->isPlaying() ? bridge_->pause() : bridge_->play(); });

    restart_ = addAction(tr("Restart"));
    restart_->setShortcut(Qt::CTRL | Qt::Key_R);
    restart_->setToolTip(tr("Start the animation over (Ctrl+R)"));
    connect(restart_, &QAction::triggered, bridge_, &SchedulerBridge::restart);

    previousEvent_ = addAction(tr("Previous event"));
    previousEvent_->setToolTip(tr("Go back to the previous moment the loop decides something "
                                  "(Left)"));
    connect(previousEvent_, &QAction::triggered, bridge_, &SchedulerBridge::stepBack);
    nextEvent_ = addAction(tr("Next event"));
    nextEvent_->setToolTip(tr("Go on to the next moment the loop decides something (Right)"));
    connect(nextEvent_, &QAction::triggered, bridge_, &SchedulerBridge::stepForward);

    loop_ = addAction(QString());
    loop_->setCheckable(true);
    loop_->setChecked(bridge_->loops());
    loop_->setToolTip(tr("Replay when the timeline ends"));
    connect(loop_, &QAction::toggled, bridge_, &SchedulerBridge::setLoop);
    connect(loop_, &QAction::toggled, this, &PlaybackBar::showLoop);

    // The window decides what Explain shows; the bar only offers the switch.
    explain_ = addAction(tr("Explain"));
    explain_->setCheckable(true);
    explain_->setToolTip(tr("Show why tasks wait: where each is ready but kept waiting for the "
                            "loop, and the loop's decisions in the event log"));
    compare_ = addAction(tr("Compare with Blocking"));
    compare_->setCheckable(true);
    compare_->setToolTip(tr("Show under the timeline the same tasks run the blocking way (each "
                            "wait holding the CPU), on the same axis"));
    connect(compare_, &QAction::toggled, bridge_, &SchedulerBridge::setComparing);

    speed_ = new QComboBox(this);
    speed_->setToolTip(tr("Playback speed (1× plays the whole axis in 10 s)"));
    speed_->setAccessibleName(tr("Playback speed"));
    speed_->setAccessibleDescription(speed_->toolTip());
    for (double speed : kSpeeds)
        speed_->addItem(QStringLiteral("%1×").arg(speed), speed);
    showSpeed(bridge_->speed());
    connect(speed_, &QComboBox::currentIndexChanged, this,
            [this](int index) { bridge_->setSpeed(speed_->itemData(index).toDouble()); });
    // Screen readers on Linux name a combo box by its label, not by its accessible name.
    auto* speedLabel = new QLabel(tr("&Speed:"), this);
    speedLabel->setBuddy(speed_);
    addSeparator();
    speedLabel_ = addWidget(speedLabel);
    addWidget(speed_);

    scrubber_ = new QSlider(Qt::Horizontal, this);
    scrubber_->setRange(0, kScrubberSteps);
    scrubber_->setToolTip(tr("Drag to any moment of the timeline"));
    scrubber_->setAccessibleName(tr("Playback position"));
    scrubber_->setAccessibleDescription(scrubber_->toolTip());
    scrubber_->setMinimumWidth(200);
    scrubber_->setPageStep(kScrubberPage);
    scrubber_->setSingleStep(kScrubberSteps / 100); // Up/Down: a hundredth of the axis
    auto* scrubberStyle = new ScrubberKeys(style()->name());
    scrubberStyle->setParent(scrubber_);
    scrubber_->setStyle(scrubberStyle);
    scrubber_->installEventFilter(new ScrubberFilter(scrubber_, bridge_));
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
    time_->setMinimumWidth(kTimeWidth);
    time_->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    addWidget(time_);

    QWidget* const controls[] = {
        buttonFor(play_), buttonFor(restart_), buttonFor(previousEvent_), buttonFor(nextEvent_),
        buttonFor(loop_), buttonFor(explain_), buttonFor(compare_),       speed_,
        scrubber_};
    for (std::size_t i = 1; i < std::size(controls); ++i)
        setTabOrder(controls[i - 1], controls[i]);
    // On or off must show at a glance, not only as a slightly sunken button: it says which.
    static_cast<QToolButton*>(widgetForAction(loop_))
        ->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    for (QAction* toggle : {explain_, compare_})
        static_cast<QToolButton*>(widgetForAction(toggle))
            ->setToolButtonStyle(Qt::ToolButtonTextOnly);
    showLoop(loop_->isChecked());
    wideWidth_ = sizeHint().width();

    connect(bridge_, &SchedulerBridge::timeAdvanced, this, &PlaybackBar::showTime);
    connect(bridge_, &SchedulerBridge::playingChanged, this, &PlaybackBar::showPlaying);
    connect(bridge_, &SchedulerBridge::speedChanged, this, &PlaybackBar::showSpeed);
    connect(bridge_, &SchedulerBridge::loopChanged, loop_, &QAction::setChecked);
    showPlaying(bridge_->isPlaying());
    ruler_ = ticksFor(0, bridge_->axisEnd()); // until a ruler is followed
    showTime(bridge_->now());
    refreshIcons();
}

QIcon PlaybackBar::icon(QStyle::StandardPixmap which) const {
    const QColor ink = palette().color(QPalette::ButtonText);
    QIcon tinted;
    for (int size : {16, 24, 32}) {
        QPixmap pixmap = style()->standardIcon(which).pixmap(size, size);
        QPainter painter(&pixmap);
        painter.setCompositionMode(QPainter::CompositionMode_SourceIn);
        painter.fillRect(pixmap.rect(), ink);
        painter.end();
        tinted.addPixmap(pixmap);
    }
    return tinted;
}

void PlaybackBar::refreshIcons() {
    play_->setIcon(icon(bridge_->isPlaying() ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    restart_->setIcon(icon(QStyle::SP_MediaSkipBackward));
    previousEvent_->setIcon(icon(QStyle::SP_MediaSeekBackward));
    nextEvent_->setIcon(icon(QStyle::SP_MediaSeekForward));
    loop_->setIcon(icon(QStyle::SP_BrowserReload));
}

bool PlaybackBar::event(QEvent* event) {
    if (event->type() == QEvent::PaletteChange)
        refreshIcons(); // a theme switch: the icons follow the text colour
    return QToolBar::event(event);
}

void PlaybackBar::resizeEvent(QResizeEvent* event) {
    fitWidth();
    QToolBar::resizeEvent(event);
}

void PlaybackBar::fitWidth() {
    const bool narrow = width() < wideWidth_;
    // The menus keep the actions' full words; only the bar's buttons shorten theirs.
    compare_->setIconText(narrow ? tr("Compare") : compare_->text());
    static_cast<QToolButton*>(widgetForAction(loop_))
        ->setToolButtonStyle(narrow ? Qt::ToolButtonIconOnly : Qt::ToolButtonTextBesideIcon);
    speedLabel_->setVisible(!narrow);
    time_->setMinimumWidth(narrow ? 0 : kTimeWidth);
}

QWidget* PlaybackBar::buttonFor(QAction* action) {
    QWidget* button = widgetForAction(action);
    button->setFocusPolicy(Qt::TabFocus); // a toolbar's buttons take no focus by default
    button->installEventFilter(new SpacePressesButton(button));
    button->setAccessibleName(action->text());
    button->setAccessibleDescription(action->toolTip());
    return button;
}

void PlaybackBar::showTime(double nowMs) {
    const QSignalBlocker blocker(scrubber_);
    scrubber_->setValue(int(std::lround(nowMs / bridge_->axisEnd() * kScrubberSteps)));
    // In the ruler's unit, as the playhead's label and the figures are.
    const QString time = QStringLiteral("%1 / %2").arg(
        QString::fromStdString(timeReadout(nowMs, ruler_)),
        QString::fromStdString(timeReadout(bridge_->axisEnd(), ruler_)));
    time_->setText(time);
    // A name of its own would hide the time from screen readers: the name carries it.
    time_->setAccessibleName(tr("Time %1").arg(time));
}

void PlaybackBar::followRuler(double fromMs, double toMs) {
    ruler_ = ticksFor(fromMs, toMs);
    showTime(bridge_->now());
}

void PlaybackBar::showLoop(bool on) {
    loop_->setText(on ? tr("Loop: on") : tr("Loop: off"));
    widgetForAction(loop_)->setAccessibleName(tr("Loop")); // the checked state says on or off
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
    play_->setIcon(icon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    widgetForAction(play_)->setAccessibleName(play_->text());
}

} // namespace coroscope
