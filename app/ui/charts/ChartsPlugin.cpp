// The Statistics page's charts, over Qt Charts, in a plugin of their own: the app loads it (and
// with it Qt Charts and its OpenGL-capable scene code) only when someone opens that page.
#include "ui/StatsCharts.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QTimeZone>
#include <QHorizontalBarSeries>
#include <QLineSeries>
#include <QObject>
#include <QScatterSeries>
#include <QValueAxis>

namespace kith::app {

namespace {

QChart *newChart(const QString &title, const StatsCharts::Colors &colors)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->setTitleBrush(colors.text);
    QFont titleFont = chart->titleFont();
    titleFont.setBold(true);
    chart->setTitleFont(titleFont);
    chart->setBackgroundBrush(colors.background);
    chart->setBackgroundRoundness(8);
    chart->legend()->hide();
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setMargins(QMargins(8, 4, 8, 4));
    return chart;
}

void styleAxis(QAbstractAxis *axis, const StatsCharts::Colors &colors)
{
    axis->setLabelsBrush(colors.muted);
    axis->setLinePenColor(colors.grid);
    axis->setGridLineColor(colors.grid);
    axis->setMinorGridLineVisible(false);
}

//! An axis from 0 to a round number at or above `top`, with whole-number labels.
QValueAxis *countAxis(int top, const StatsCharts::Colors &colors)
{
    auto *axis = new QValueAxis;
    axis->setLabelFormat(QStringLiteral("%d"));
    axis->setRange(0, std::max(top, 4));
    axis->applyNiceNumbers();
    styleAxis(axis, colors);
    return axis;
}

QChartView *view(QChart *chart, const QString &title, const QString &summary, QWidget *parent)
{
    auto *v = new QChartView(chart, parent);
    v->setRenderHint(QPainter::Antialiasing);
    v->setMinimumHeight(220);
    v->setAccessibleName(title);
    v->setAccessibleDescription(summary); // what a screen reader says, and what the tests read
    v->setFrameShape(QFrame::NoFrame);
    return v;
}

} // namespace

class ChartsPlugin : public QObject, public StatsCharts
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID KithStatsCharts_iid)
    Q_INTERFACES(kith::app::StatsCharts)

public:
    QWidget *days(const QString &title, const QList<QPair<QDate, int>> &points, const Colors &colors,
                  QWidget *parent) override
    {
        QChart *chart = newChart(title, colors);
        auto *line = new QLineSeries;
        auto *dots = new QScatterSeries; // each day's point, so a lone day still shows
        QPen pen(colors.accent, 2.5);
        line->setPen(pen);
        dots->setColor(colors.accent);
        dots->setBorderColor(colors.accent);
        dots->setMarkerSize(7);
        int top = 0;
        QStringList summary;
        for (const auto &[day, count] : points) {
            const qreal x = qreal(QDateTime(day, QTime(12, 0), QTimeZone::utc()).toMSecsSinceEpoch());
            line->append(x, count);
            dots->append(x, count);
            top = std::max(top, count);
            summary.append(QStringLiteral("%1: %2").arg(day.toString(Qt::ISODate)).arg(count));
        }
        chart->addSeries(line);
        chart->addSeries(dots);
        auto *x = new QDateTimeAxis;
        x->setFormat(QStringLiteral("d MMM"));
        x->setTickCount(std::min(8, std::max(2, int(points.size()))));
        if (!points.isEmpty())
            x->setRange(QDateTime(points.first().first, QTime(0, 0), QTimeZone::utc()),
                        QDateTime(points.last().first, QTime(23, 59), QTimeZone::utc()));
        styleAxis(x, colors);
        chart->addAxis(x, Qt::AlignBottom);
        QValueAxis *y = countAxis(top, colors);
        chart->addAxis(y, Qt::AlignLeft);
        for (QAbstractSeries *s : {static_cast<QAbstractSeries *>(line), static_cast<QAbstractSeries *>(dots)}) {
            s->attachAxis(x);
            s->attachAxis(y);
        }
        return view(chart, title, summary.join(QStringLiteral("; ")), parent);
    }

    QWidget *bars(const QString &title, const QList<QPair<QString, int>> &items, const Colors &colors,
                  QWidget *parent) override
    {
        QChart *chart = newChart(title, colors);
        auto *set = new QBarSet(title);
        set->setColor(colors.accent);
        set->setBorderColor(colors.accent);
        set->setLabelColor(colors.text);
        QStringList names;
        QStringList summary;
        int top = 0;
        // Bars grow upwards from the axis: the largest last, so it is drawn at the top.
        for (auto it = items.crbegin(); it != items.crend(); ++it) {
            *set << it->second;
            names.append(it->first);
            top = std::max(top, it->second);
        }
        for (const auto &[name, count] : items)
            summary.append(QStringLiteral("%1: %2").arg(name).arg(count));
        auto *series = new QHorizontalBarSeries;
        series->append(set);
        series->setLabelsVisible(true);
        series->setLabelsPosition(QAbstractBarSeries::LabelsInsideEnd);
        chart->addSeries(series);
        auto *y = new QBarCategoryAxis;
        y->append(names);
        styleAxis(y, colors);
        y->setGridLineVisible(false);
        chart->addAxis(y, Qt::AlignLeft);
        series->attachAxis(y);
        QValueAxis *x = countAxis(top, colors);
        chart->addAxis(x, Qt::AlignBottom);
        series->attachAxis(x);
        return view(chart, title, summary.join(QStringLiteral("; ")), parent);
    }
};

} // namespace kith::app

#include "ChartsPlugin.moc"
