#pragma once
//! One member in the member list, with a role heading above the first of each role.

#include <QStyledItemDelegate>

namespace kith::app {

class Theme;

class MemberDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit MemberDelegate(const Theme *theme, QObject *parent = nullptr)
        : QStyledItemDelegate(parent), m_theme(theme) {}
    void paint(QPainter *p, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    static QString roleHeading(int role);

private:
    const Theme *m_theme;
};

} // namespace kith::app
