#pragma once
//! One guild in the server rail: initials on the guild's colour, a pill marks the selected one.

#include <QStyledItemDelegate>

namespace kith::app {

class Theme;

class GuildIconDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit GuildIconDelegate(const Theme *theme, QObject *parent = nullptr)
        : QStyledItemDelegate(parent), m_theme(theme) {}
    void paint(QPainter *p, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &, const QModelIndex &) const override { return {72, 56}; }

private:
    const Theme *m_theme;
};

} // namespace kith::app
