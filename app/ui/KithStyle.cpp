#include "KithStyle.h"

#include "Theme.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPainterPath>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QStyleFactory>
#include <QStyleOption>
#include <QToolButton>

namespace kith::app {

namespace {
constexpr int kToolPadding = 4; // app.qss: QToolButton { padding: 4px }

bool named(const QWidget *w, QLatin1String name)
{
    return w && w->objectName() == name;
}

void fillRounded(QPainter *p, const QRectF &r, qreal radius, const QColor &c)
{
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    p->setPen(Qt::NoPen);
    p->setBrush(c);
    p->drawRoundedRect(r, radius, radius);
    p->restore();
}
} // namespace

KithStyle::KithStyle(const Theme *theme) : QProxyStyle(QStyleFactory::create(QStringLiteral("Fusion"))), m_theme(theme)
{
}

bool KithStyle::ours(const QWidget *widget) const
{
    return widget && m_theme && widget->style() == this;
}

void KithStyle::polish(QWidget *w)
{
    QProxyStyle::polish(w);
    if (!ours(w))
        return;
    const auto color = [this](const char *key) { return m_theme->color(QLatin1String(key)); };
    const auto font = [this, w](qreal points, int weight) {
        // From the application's font, not its own: polished again after a text-size change (the
        // new style comes right after the new font, before the widgets have taken it), it takes
        // the new size.
        QFont f = QApplication::font(w);
        if (points > 0)
            f.setPointSizeF(points * m_theme->textScale());
        if (weight)
            f.setWeight(QFont::Weight(weight));
        w->setFont(f);
    };
    const auto text = [w](const QColor &c) {
        QPalette p = w->palette();
        for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
            p.setColor(role, c);
        w->setPalette(p);
    };
    const auto background = [w](const QColor &c) {
        QPalette p = w->palette();
        p.setColor(QPalette::Window, c);
        w->setPalette(p);
        w->setAutoFillBackground(true);
    };

    if (qobject_cast<QLabel *>(w)) {
        if (named(w, QLatin1String("ChatHeaderName"))) {
            font(11, QFont::DemiBold);
        } else if (named(w, QLatin1String("ChatHeaderTopic"))) {
            text(color("textMuted"));
        } else if (named(w, QLatin1String("ChatHeaderAt"))) {
            font(15, QFont::DemiBold);
            text(color("textFaint"));
        } else if (named(w, QLatin1String("FooterName"))) {
            font(0, QFont::DemiBold);
        } else if (named(w, QLatin1String("FooterStatus")) || named(w, QLatin1String("ComposerHint"))
                   || named(w, QLatin1String("TypingIndicator"))) {
            font(9, 0);
            text(color("textMuted"));
        } else if (named(w, QLatin1String("Banner"))) {
            background(color("warning"));
            text(color("warningText"));
            w->setContentsMargins(14, 4, 14, 4); // app.qss: padding 4px 10px, and QLabel's indent
        } else if (named(w, QLatin1String("ErrorBanner"))) {
            background(color("danger"));
            text(color("accentText"));
            w->setContentsMargins(14, 4, 14, 4);
        } else if (named(w, QLatin1String("HomeBadge"))) {
            w->setAttribute(Qt::WA_StyledBackground);
            font(8, QFont::Bold);
            text(color("accentText"));
        }
        // The properties app.qss gives looks to.
        if (w->property("muted").toBool())
            text(color("textMuted"));
        if (w->property("error").toBool())
            text(color("dangerText"));
        if (w->property("title").toBool())
            font(20, QFont::Bold);
        if (w->property("heading").toBool())
            font(14, QFont::Bold);
        if (w->property("subtitle").toBool()) {
            font(12, 0);
            text(color("textMuted"));
        }
        if (w->property("section").toBool()) {
            font(8, QFont::Bold);
            text(color("textMuted"));
        }
        return;
    }
    if (auto *button = qobject_cast<QToolButton *>(w)) {
        button->setAttribute(Qt::WA_Hover);
        if (named(w, QLatin1String("FriendsEntry")))
            font(0, QFont::DemiBold);
        else if (named(w, QLatin1String("HelpButton")))
            font(12, QFont::DemiBold);
        else if (named(w, QLatin1String("GuildTitle")))
            font(w->property("find").toBool() ? 9 : 11, w->property("find").toBool() ? QFont::Normal : QFont::DemiBold);
        return;
    }
    if (auto *view = qobject_cast<QAbstractItemView *>(w)) {
        // The rail's and the sidebar's lists show their pane through; the others have its colour.
        if (named(w, QLatin1String("MemberList")) || named(w, QLatin1String("MessageView"))) {
            QPalette p = view->palette();
            p.setColor(QPalette::Base, color(named(w, QLatin1String("MemberList")) ? "sidebar" : "chat"));
            view->setPalette(p);
        } else {
            view->viewport()->setAutoFillBackground(false);
        }
        view->installEventFilter(this); // the focus ring
        return;
    }
    if (auto *edit = qobject_cast<QPlainTextEdit *>(w); edit && named(w, QLatin1String("Composer"))) {
        edit->setFrameShape(QFrame::NoFrame);
        edit->viewport()->setAutoFillBackground(false);
        return;
    }
    if (auto *line = qobject_cast<QLineEdit *>(w)) {
        line->setTextMargins(6, 5, 6, 5); // app.qss: padding 6px 8px, less QLineEdit's own margins
        return;
    }
}

void KithStyle::unpolish(QWidget *w)
{
    if (qobject_cast<QAbstractItemView *>(w))
        w->removeEventFilter(this);
    QProxyStyle::unpolish(w);
}

// app.qss: a list with the keyboard's focus has a 2 px ring in the accent colour, as a frame
// that comes with the focus and goes with it.
bool KithStyle::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::FocusIn || event->type() == QEvent::FocusOut) {
        if (auto *view = qobject_cast<QAbstractItemView *>(watched); view && ours(view))
            view->setFrameShape(event->type() == QEvent::FocusIn ? QFrame::StyledPanel : QFrame::NoFrame);
    }
    return QProxyStyle::eventFilter(watched, event);
}

void KithStyle::drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *p,
                              const QWidget *w) const
{
    if (!ours(w))
        return QProxyStyle::drawPrimitive(element, option, p, w);
    const auto color = [this](const char *key) { return m_theme->color(QLatin1String(key)); };
    switch (element) {
    case PE_Widget: {
        const QRect r = option->rect;
        if (named(w, QLatin1String("ServerRail")) || named(w, QLatin1String("Footer")))
            p->fillRect(r, color("rail"));
        else if (named(w, QLatin1String("ChannelSidebar")))
            p->fillRect(r, color("sidebar"));
        else if (named(w, QLatin1String("ChatPane")))
            p->fillRect(r, color("chat"));
        else if (named(w, QLatin1String("InfoBanner")))
            p->fillRect(r, color("selected"));
        else if (named(w, QLatin1String("SidebarHeader")) || named(w, QLatin1String("ChatHeader")))
            p->fillRect(QRect(r.left(), r.bottom(), r.width(), 1), color("rail"));
        else if (named(w, QLatin1String("ComposerFrame")))
            fillRounded(p, r, 8, color("input"));
        else if (named(w, QLatin1String("HomeBadge")))
            fillRounded(p, r, 8, color("danger"));
        return;
    }
    case PE_Frame:
        if (qobject_cast<const QAbstractItemView *>(w)) {
            p->save();
            p->setRenderHint(QPainter::Antialiasing);
            p->setPen(QPen(color("accent"), 2));
            p->setBrush(Qt::NoBrush);
            p->drawRoundedRect(QRectF(option->rect).adjusted(1, 1, -1, -1), 6, 6);
            p->restore();
            return;
        }
        break;
    case PE_FrameFocusRect:
        if (qobject_cast<const QAbstractItemView *>(w))
            return; // app.qss: QListView { outline: 0 }: a row's look says where the keyboard is
        break;
    case PE_PanelLineEdit:
        if (qobject_cast<const QLineEdit *>(w)) {
            const bool focus = option->state & State_HasFocus;
            const QRectF r = QRectF(option->rect).adjusted(0.5, 0.5, -0.5, -0.5);
            p->save();
            p->setRenderHint(QPainter::Antialiasing);
            p->setPen(QPen(color(focus ? "accent" : "separator"), 1));
            p->setBrush(color("input"));
            p->drawRoundedRect(r, 6, 6);
            p->restore();
            return;
        }
        break;
    default:
        break;
    }
    QProxyStyle::drawPrimitive(element, option, p, w);
}

void KithStyle::drawToolButton(const QStyleOptionToolButton *option, QPainter *p, const QWidget *w) const
{
    const auto color = [this](const char *key) { return m_theme->color(QLatin1String(key)); };
    const bool hover = (option->state & State_MouseOver) && (option->state & State_Enabled);
    const bool on = option->state & State_On;
    const bool find = named(w, QLatin1String("GuildTitle")) && w->property("find").toBool();
    const bool friends = named(w, QLatin1String("FriendsEntry"));
    QRect r = option->rect;
    qreal radius = 6;
    QColor panel;
    if (friends) {
        r.adjust(8, 8, -8, 0);
        radius = 4;
    }
    if (named(w, QLatin1String("HomeButton")) && on) {
        panel = color("selected");
        radius = 15;
    } else if (friends && on) {
        panel = color("selected");
    } else if (find) {
        panel = color(hover ? "hover" : "rail");
        radius = 4;
    } else if (hover || (option->state & State_Sunken)) {
        panel = color("hover");
    }
    if (panel.isValid())
        fillRounded(p, r, radius, panel);
    if (option->state & State_HasFocus) {
        p->save();
        p->setRenderHint(QPainter::Antialiasing);
        p->setPen(QPen(color("accent"), 2));
        p->setBrush(Qt::NoBrush);
        p->drawRoundedRect(QRectF(r).adjusted(1, 1, -1, -1), 4, 4);
        p->restore();
    }

    QStyleOptionToolButton label = *option;
    label.palette.setColor(QPalette::ButtonText, color(hover && !find ? "text" : "textMuted"));
    label.state &= ~(State_Sunken | State_On); // no shift, no pressed look: the panel says it
    if (friends || named(w, QLatin1String("GuildTitle"))) {
        // Left-aligned, the icon at the start (the title is laid out right to left: the chevron
        // comes after the name).
        const int pad = friends ? 12 : (find ? 6 : kToolPadding);
        QRect inner = r.adjusted(pad, 0, -pad, 0);
        const bool rtl = w->layoutDirection() == Qt::RightToLeft;
        if (!option->icon.isNull()) {
            const QSize is = option->iconSize;
            QRect ir(QPoint(rtl ? inner.right() - is.width() + 1 : inner.left(), inner.center().y() - is.height() / 2), is);
            option->icon.paint(p, ir);
            if (rtl)
                inner.setRight(ir.left() - 6);
            else
                inner.setLeft(ir.right() + 1 + 2);
        }
        p->save();
        p->setPen(label.palette.color(QPalette::ButtonText));
        p->setFont(w->font());
        const QString text = QFontMetrics(w->font()).elidedText(option->text, Qt::ElideRight, inner.width());
        p->drawText(inner, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine, text);
        p->restore();
        return;
    }
    label.rect = r.adjusted(kToolPadding, kToolPadding, -kToolPadding, -kToolPadding);
    if (named(w, QLatin1String("RailDm")))
        label.rect = r;
    proxy()->drawControl(CE_ToolButtonLabel, &label, p, w);
}

void KithStyle::drawComplexControl(ComplexControl control, const QStyleOptionComplex *option, QPainter *p,
                                   const QWidget *w) const
{
    if (ours(w)) {
        if (control == CC_ToolButton) {
            if (const auto *tb = qstyleoption_cast<const QStyleOptionToolButton *>(option))
                return drawToolButton(tb, p, w);
        }
        if (control == CC_ScrollBar) {
            const auto *sb = qstyleoption_cast<const QStyleOptionSlider *>(option);
            if (sb && sb->orientation == Qt::Vertical) {
                // app.qss: a thin rounded handle, no arrows, no track.
                const QRect handle = subControlRect(control, option, SC_ScrollBarSlider, w);
                if (sb->maximum > sb->minimum && handle.isValid())
                    fillRounded(p, QRectF(handle).adjusted(2, 2, -2, -2), 4, m_theme->color(QStringLiteral("rail")));
                return;
            }
        }
    }
    QProxyStyle::drawComplexControl(control, option, p, w);
}

QRect KithStyle::subControlRect(ComplexControl control, const QStyleOptionComplex *option, SubControl sub,
                                const QWidget *w) const
{
    if (control == CC_ScrollBar && ours(w)) {
        const auto *sb = qstyleoption_cast<const QStyleOptionSlider *>(option);
        if (sb && sb->orientation == Qt::Vertical) {
            const QRect r = sb->rect;
            const int length = r.height();
            int handle = length;
            if (sb->maximum != sb->minimum) {
                const qint64 range = qint64(sb->maximum) - sb->minimum;
                handle = int(qint64(sb->pageStep) * length / (range + sb->pageStep));
                handle = qBound(qMin(pixelMetric(PM_ScrollBarSliderMin, option, w), length), handle, length);
            }
            const int start = sliderPositionFromValue(sb->minimum, sb->maximum, sb->sliderPosition, length - handle,
                                                      sb->upsideDown);
            switch (sub) {
            case SC_ScrollBarSlider:
                return QRect(r.left(), r.top() + start, r.width(), handle);
            case SC_ScrollBarSubPage:
                return QRect(r.left(), r.top(), r.width(), start);
            case SC_ScrollBarAddPage:
                return QRect(r.left(), r.top() + start + handle, r.width(), length - start - handle);
            case SC_ScrollBarGroove:
                return r;
            default:
                return {}; // no arrows
            }
        }
    }
    return QProxyStyle::subControlRect(control, option, sub, w);
}

int KithStyle::pixelMetric(PixelMetric metric, const QStyleOption *option, const QWidget *w) const
{
    if (ours(w)) {
        switch (metric) {
        case PM_ScrollBarExtent:
            if (const auto *sb = qobject_cast<const QScrollBar *>(w); sb && sb->orientation() == Qt::Vertical)
                return 10;
            break;
        case PM_ScrollBarSliderMin:
            return 32;
        case PM_DefaultFrameWidth:
            if (qobject_cast<const QLineEdit *>(w))
                return 1;
            if (qobject_cast<const QAbstractItemView *>(w))
                return 2;
            break;
        default:
            break;
        }
    }
    return QProxyStyle::pixelMetric(metric, option, w);
}

QSize KithStyle::sizeFromContents(ContentsType type, const QStyleOption *option, const QSize &size,
                                  const QWidget *w) const
{
    if (ours(w)) {
        if (type == CT_ToolButton) {
            // As a style sheet measures them: 3 px more than the contents, then the padding.
            QSize s = size + QSize(3, 3);
            if (named(w, QLatin1String("HelpButton")))
                s.setWidth(qMax(s.width(), 20));
            return named(w, QLatin1String("RailDm")) ? s : s + QSize(2 * kToolPadding, 2 * kToolPadding);
        }
        if (type == CT_LineEdit && qobject_cast<const QLineEdit *>(w))
            return size + QSize(2, 2); // the 1 px border
    }
    return QProxyStyle::sizeFromContents(type, option, size, w);
}

int KithStyle::styleHint(StyleHint hint, const QStyleOption *option, const QWidget *w, QStyleHintReturn *returnData) const
{
    // Asked when a dialog's buttons are made, before its window is dressed: no icons on them,
    // as app.qss says for every dialog.
    if (hint == SH_DialogButtonBox_ButtonsHaveIcons)
        return 0;
    return QProxyStyle::styleHint(hint, option, w, returnData);
}

} // namespace kith::app
