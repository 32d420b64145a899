#pragma once
//! What the charts plugin offers the Statistics page. The plugin (kith_charts, over Qt Charts) is
//! loaded when the page is first shown, so starting the app never loads the chart libraries.

#include <QColor>
#include <QDate>
#include <QList>
#include <QPair>
#include <QString>
#include <QtPlugin>

class QWidget;

namespace kith::app {

class StatsCharts
{
public:
    virtual ~StatsCharts() = default;

    struct Colors {
        QColor background;
        QColor text;
        QColor muted;
        QColor grid;
        QColor accent;
    };
    //! A count per day, one point for every day of the range, as a line.
    virtual QWidget *days(const QString &title, const QList<QPair<QDate, int>> &points, const Colors &colors,
                          QWidget *parent) = 0;
    //! Named counts, largest first, as horizontal bars.
    virtual QWidget *bars(const QString &title, const QList<QPair<QString, int>> &items, const Colors &colors,
                          QWidget *parent) = 0;
};

} // namespace kith::app

#define KithStatsCharts_iid "chat.kith.StatsCharts/1"
Q_DECLARE_INTERFACE(kith::app::StatsCharts, KithStatsCharts_iid)
