#include "ChannelDelegate.h"

#include "Icons.h"
#include "Theme.h"

#include <QPainter>

namespace kith::app {

void ChannelDelegate::paint(QPainter *p, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const bool selected = option.state & QStyle::State_Selected;
    const bool hover = option.state & QStyle::State_MouseOver;
    const QRect r = option.rect.adjusted(8, 1, -8, -1);
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    if (selected || hover) {
        p->setPen(Qt::NoPen);
        p->setBrush(m_theme->color(selected ? QStringLiteral("selected") : QStringLiteral("hover")));
        p->drawRoundedRect(r, 5, 5);
    }
    const QColor fg = m_theme->color(selected ? QStringLiteral("text") : QStringLiteral("textMuted"));
    icons::paint(p, icons::Kind::Hash, QRectF(r.left() + 8, r.center().y() - 8, 16, 16),
                 m_theme->color(QStringLiteral("textFaint")));
    QFont f = option.font;
    if (selected)
        f.setWeight(QFont::DemiBold);
    p->setFont(f);
    p->setPen(fg);
    const QRect text = r.adjusted(32, 0, -6, 0);
    p->drawText(text, Qt::AlignVCenter | Qt::AlignLeft,
                QFontMetrics(f).elidedText(index.data().toString(), Qt::ElideRight, text.width()));
    p->restore();
}

} // namespace kith::app
