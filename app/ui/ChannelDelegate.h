#pragma once
//! One channel in the sidebar: a # and its name; hover and selection from the theme.

#include <QStyledItemDelegate>

namespace kith::app {

class Theme;

class ChannelDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit ChannelDelegate(const Theme *theme, QObject *parent = nullptr)
        : QStyledItemDelegate(parent), m_theme(theme) {}
    void paint(QPainter *p, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    const Theme *m_theme;
};

} // namespace kith::app
