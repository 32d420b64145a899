#include "MemberDelegate.h"

#include "Icons.h"
#include "Theme.h"
#include "state/MemberListModel.h"

#include <QPainter>

namespace kith::app {

namespace {
constexpr int kRow = 44;
constexpr int kHeading = 34;
} // namespace

QString MemberDelegate::roleHeading(int role)
{
    switch (Role(role)) {
    case Role::Owner:
        return tr("OWNER");
    case Role::Admin:
        return tr("ADMINS");
    case Role::Member:
        break;
    }
    return tr("MEMBERS");
}

QSize MemberDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const bool first = index.data(MemberListModel::FirstOfRoleRole).toBool();
    return {option.rect.width(), kRow + (first ? kHeading : 0)};
}

void MemberDelegate::paint(QPainter *p, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QRect r = option.rect;
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    if (index.data(MemberListModel::FirstOfRoleRole).toBool()) {
        QFont f = option.font;
        f.setPointSizeF(f.pointSizeF() * 0.78);
        f.setWeight(QFont::Bold);
        p->setFont(f);
        p->setPen(m_theme->color(QStringLiteral("textMuted")));
        const QRect heading(r.left() + 16, r.top() + 12, r.width() - 24, kHeading - 14);
        p->drawText(heading, Qt::AlignLeft | Qt::AlignVCenter,
                    roleHeading(index.data(MemberListModel::RoleRole).toInt()));
        r.setTop(r.top() + kHeading);
    }
    const QRect row = r.adjusted(8, 2, -8, -2);
    if (option.state & QStyle::State_MouseOver) {
        p->setPen(Qt::NoPen);
        p->setBrush(m_theme->color(QStringLiteral("hover")));
        p->drawRoundedRect(row, 5, 5);
    }
    const QString name = index.data().toString();
    icons::paintAvatar(p, QRectF(row.left() + 8, row.center().y() - 16, 32, 32),
                       index.data(MemberListModel::UserIdRole).toULongLong(), name, *m_theme);
    p->setFont(option.font);
    p->setPen(m_theme->color(QStringLiteral("text")));
    const QRect text = row.adjusted(50, 0, -4, 0);
    p->drawText(text, Qt::AlignVCenter | Qt::AlignLeft,
                QFontMetrics(option.font).elidedText(name, Qt::ElideRight, text.width()));
    p->restore();
}

} // namespace kith::app
