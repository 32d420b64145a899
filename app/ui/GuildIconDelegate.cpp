#include "GuildIconDelegate.h"

#include "Icons.h"
#include "Theme.h"
#include "state/GuildListModel.h"

#include <QImage>
#include <QPainter>
#include <QPainterPath>

namespace kith::app {

void GuildIconDelegate::paint(QPainter *p, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const bool selected = option.state & QStyle::State_Selected;
    const bool hover = option.state & QStyle::State_MouseOver;
    const QRect r = option.rect;
    const QRectF icon(r.center().x() - 23, r.center().y() - 23, 46, 46);
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    const bool unread = index.data(GuildListModel::UnreadRole).toBool();
    if (selected || hover || unread) {
        const qreal h = selected ? 36 : hover ? 18 : 8;
        p->setPen(Qt::NoPen);
        p->setBrush(m_theme->color(QStringLiteral("text")));
        p->drawRoundedRect(QRectF(r.left() - 4, r.center().y() - h / 2, 8, h), 4, 4);
    }
    // A circle at rest, a rounded square when selected or hovered.
    const qreal radius = selected || hover ? 15 : 23;
    QPainterPath path;
    path.addRoundedRect(icon, radius, radius);
    const QImage picture = index.data(GuildListModel::IconRole).value<QImage>();
    if (!picture.isNull()) {
        icons::paintImageIn(p, icon, path, picture);
    } else {
        p->setPen(Qt::NoPen);
        p->setBrush(m_theme->idColor(index.data(GuildListModel::IdRole).toULongLong()));
        p->drawPath(path);
        QFont f = option.font;
        f.setPixelSize(16);
        f.setWeight(QFont::DemiBold);
        p->setFont(f);
        p->setPen(m_theme->color(QStringLiteral("accentText")));
        p->drawText(icon, Qt::AlignCenter, index.data(GuildListModel::InitialsRole).toString());
    }
    icons::paintBadge(p, icon.bottomRight() - QPointF(4, 4), index.data(GuildListModel::MentionsRole).toInt(),
                      m_theme->color(QStringLiteral("rail")), *m_theme);
    p->restore();
}

} // namespace kith::app
