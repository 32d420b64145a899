#include "MemberDelegate.h"

#include "Icons.h"
#include "Theme.h"
#include "state/MemberListModel.h"

#include <QImage>
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
    case Role::Guest:
        return tr("GUESTS");
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
        f.setPointSizeF(f.pointSizeF() * 0.8); // 8 pt bold, as every small heading: each new font costs a fontconfig match
        f.setWeight(QFont::Bold);
        p->setFont(f);
        p->setPen(m_theme->color(QStringLiteral("textMuted")));
        const QRect heading(r.left() + 16, r.top() + 12, r.width() - 24, kHeading - 14);
        const QString group = index.data(MemberListModel::GroupNameRole).toString();
        p->drawText(heading, Qt::AlignLeft | Qt::AlignVCenter,
                    QFontMetrics(f).elidedText(group.isEmpty() ? roleHeading(index.data(MemberListModel::RoleRole).toInt())
                                                               : group.toUpper(),
                                               Qt::ElideRight, heading.width()));
        r.setTop(r.top() + kHeading);
    }
    const QRect row = r.adjusted(8, 2, -8, -2);
    if (option.state & QStyle::State_MouseOver) {
        p->setPen(Qt::NoPen);
        p->setBrush(m_theme->color(QStringLiteral("hover")));
        p->drawRoundedRect(row, 5, 5);
    }
    const QString name = index.data().toString();
    const QString status = index.data(MemberListModel::PresenceRole).toString();
    const bool away = status.isEmpty() || status == u"offline" || status == u"invisible" || status == u"unknown";
    const QRectF avatar(row.left() + 8, row.center().y() - 16, 32, 32);
    if (away)
        p->setOpacity(0.45); // offline members fade, as in every chat app
    icons::paintAvatar(p, avatar, index.data(MemberListModel::UserIdRole).toULongLong(), name, *m_theme,
                       index.data(MemberListModel::AvatarRole).value<QImage>());
    p->setOpacity(1.0);
    const QColor ring = m_theme->color(option.state & QStyle::State_MouseOver ? QStringLiteral("hover")
                                                                             : QStringLiteral("sidebar"));
    icons::paintPresence(p, avatar.bottomRight() - QPointF(4, 4), 5.5, status.isEmpty() ? QStringLiteral("offline") : status,
                         ring, *m_theme);
    p->setFont(option.font);
    const QColor roleColor = index.data(MemberListModel::NameColorRole).value<QColor>();
    QColor nameColor = roleColor.isValid() ? roleColor : m_theme->color(QStringLiteral("text"));
    if (away)
        nameColor = roleColor.isValid() ? QColor::fromRgbF(roleColor.redF(), roleColor.greenF(), roleColor.blueF(), 0.55f)
                                        : m_theme->color(QStringLiteral("textFaint"));
    p->setPen(nameColor);
    QRect text = row.adjusted(50, 0, -4, 0);
    const QString custom = index.data(MemberListModel::CustomStatusRole).toString();
    if (!custom.isEmpty())
        text.setBottom(row.center().y() + 2);
    p->drawText(text, Qt::AlignVCenter | Qt::AlignLeft,
                QFontMetrics(option.font).elidedText(name, Qt::ElideRight, text.width()));
    if (!custom.isEmpty()) {
        QFont small = option.font;
        small.setPointSizeF(small.pointSizeF() * 0.85);
        p->setFont(small);
        p->setPen(m_theme->color(QStringLiteral("textMuted")));
        const QRect below(text.left(), row.center().y() + 1, text.width(), row.bottom() - row.center().y() - 3);
        p->drawText(below, Qt::AlignTop | Qt::AlignLeft, QFontMetrics(small).elidedText(custom, Qt::ElideRight, below.width()));
    }
    p->restore();
}

} // namespace kith::app
