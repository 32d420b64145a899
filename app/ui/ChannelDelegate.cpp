#include "ChannelDelegate.h"

#include "Icons.h"
#include "Theme.h"
#include "state/ChannelListModel.h"

#include <QPainter>

namespace kith::app {

QSize ChannelDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    // DM rows carry an avatar.
    const int h = option.fontMetrics.height() + 14;
    if (index.data(ChannelListModel::IsCategoryRole).toBool())
        return {option.rect.width(), h + 10}; // a heading, with air above it
    return {option.rect.width(), index.data(ChannelListModel::IsDmRole).toBool() ? qMax(h, 42) : h};
}

void ChannelDelegate::paint(QPainter *p, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    using M = ChannelListModel;
    if (index.data(M::IsCategoryRole).toBool()) {
        // A category: its name as a small heading, like the list's own "TEXT CHANNELS".
        p->save();
        QFont f = option.font;
        f.setPointSizeF(f.pointSizeF() * 0.8); // 8 pt bold, as every small heading: each new font costs a fontconfig match
        f.setWeight(QFont::Bold);
        p->setFont(f);
        p->setPen(m_theme->color(QStringLiteral("textMuted")));
        const QRect r = option.rect.adjusted(16, 10, -8, 0);
        p->drawText(r, Qt::AlignLeft | Qt::AlignVCenter,
                    QFontMetrics(f).elidedText(index.data().toString().toUpper(), Qt::ElideRight, r.width()));
        p->restore();
        return;
    }
    const bool selected = option.state & QStyle::State_Selected;
    const bool hover = option.state & QStyle::State_MouseOver;
    const bool unread = index.data(M::UnreadRole).toBool();
    const int mentions = index.data(M::MentionsRole).toInt();
    const bool dm = index.data(M::IsDmRole).toBool();
    const QRect r = option.rect.adjusted(8, 1, -8, -1);
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    const QColor back = m_theme->color(selected ? QStringLiteral("selected")
                                       : hover  ? QStringLiteral("hover")
                                                : QStringLiteral("sidebar"));
    if (selected || hover) {
        p->setPen(Qt::NoPen);
        p->setBrush(back);
        p->drawRoundedRect(r, 5, 5);
    }
    // Unread: a small pill at the sidebar's edge and the name in bold, bright.
    if (unread && !selected) {
        p->setPen(Qt::NoPen);
        p->setBrush(m_theme->color(QStringLiteral("text")));
        p->drawRoundedRect(QRectF(option.rect.left() - 4, r.center().y() - 4, 8, 8), 4, 4);
    }
    // Muted: faint, unless open or unread.
    const bool muted = index.data(M::MutedRole).toBool();
    const QColor fg = m_theme->color(selected || unread ? QStringLiteral("text")
                                     : muted            ? QStringLiteral("textFaint")
                                                        : QStringLiteral("textMuted"));
    int textLeft = 32;
    if (dm) {
        const QRectF avatar(r.left() + 6, r.center().y() - 14, 28, 28);
        icons::paintAvatar(p, avatar, index.data(M::PeerIdRole).toULongLong() ? index.data(M::PeerIdRole).toULongLong()
                                                                               : index.data(M::IdRole).toULongLong(),
                           index.data().toString(), *m_theme, index.data(M::AvatarRole).value<QImage>());
        const QString status = index.data(M::PresenceRole).toString();
        if (!status.isEmpty())
            icons::paintPresence(p, avatar.bottomRight() - QPointF(3, 3), 5, status, back, *m_theme);
        textLeft = 44;
    } else {
        // The channel's colour, when it has one, is its mark.
        const QColor mark = index.data(M::ColorRole).value<QColor>();
        // Roulette and unstored channels have marks of their own instead of #.
        const icons::Kind kind = index.data(M::RouletteRole).toBool() ? icons::Kind::Dice
                                 : !index.data(M::StoredRole).toBool() ? icons::Kind::Hourglass
                                                                        : icons::Kind::Hash;
        icons::paint(p, kind, QRectF(r.left() + 8, r.center().y() - 8, 16, 16),
                     mark.isValid() ? mark : m_theme->color(QStringLiteral("textFaint")));
    }
    QFont f = option.font;
    if (selected || unread)
        f.setWeight(unread ? QFont::Bold : QFont::DemiBold);
    p->setFont(f);
    p->setPen(fg);
    int badge = mentions > 0 ? 28 : 0;
    // DM rows: how long ago the last message was, at the right (the badge takes its place).
    const QString activity = dm && !badge ? index.data(M::LastActivityRole).toString() : QString();
    if (!activity.isEmpty()) {
        QFont small = option.font;
        small.setPointSizeF(small.pointSizeF() * 0.85);
        const QFontMetrics sm(small);
        badge = sm.horizontalAdvance(activity) + 6;
        p->setFont(small);
        p->setPen(m_theme->color(QStringLiteral("textFaint")));
        p->drawText(r.adjusted(0, 0, -6, 0), Qt::AlignVCenter | Qt::AlignRight, activity);
        p->setFont(f);
        p->setPen(fg);
    }
    const QRect text = r.adjusted(textLeft, 0, -6 - badge, 0);
    p->drawText(text, Qt::AlignVCenter | Qt::AlignLeft,
                QFontMetrics(f).elidedText(index.data().toString(), Qt::ElideRight, text.width()));
    if (mentions > 0)
        icons::paintBadge(p, QPointF(r.right() - 16, r.center().y()), mentions, back, *m_theme);
    p->restore();
}

} // namespace kith::app
