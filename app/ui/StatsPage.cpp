#include "StatsPage.h"

#include "StatsCharts.h"
#include "Theme.h"
#include "platform/Plugins.h"
#include "state/ClientState.h"
#include "state/GuildAdmin.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QVBoxLayout>

namespace kith::app {

namespace {
QString shownName(const User &u)
{
    return u.displayName.isEmpty() ? u.username : u.displayName;
}

//! The same figures as text, when there is no charts plugin.
QWidget *listOf(const QString &title, const QStringList &rows, QWidget *parent)
{
    auto *box = new QLabel(parent);
    box->setTextFormat(Qt::PlainText);
    box->setWordWrap(true);
    box->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    box->setText(title + QLatin1Char('\n') + rows.join(QLatin1Char('\n')));
    box->setAccessibleName(title);
    box->setAccessibleDescription(rows.join(QStringLiteral("; ")));
    return box;
}
} // namespace

StatsPage::StatsPage(ClientState *state, const Theme *theme, Id guildId, QWidget *parent)
    : QWidget(parent), m_state(state), m_theme(theme), m_guild(guildId), m_range(new QComboBox(this)),
      m_summary(new QLabel(this)), m_grid(new QGridLayout)
{
    setObjectName(QStringLiteral("StatsPage"));
    auto *v = new QVBoxLayout(this);
    v->setContentsMargins(0, 0, 0, 0);
    auto *top = new QHBoxLayout;
    m_range->setObjectName(QStringLiteral("StatsRange"));
    m_range->setAccessibleName(tr("Period"));
    for (int days : {7, 30, 90})
        m_range->addItem(tr("Last %n days", nullptr, days), days);
    m_range->setCurrentIndex(1);
    top->addWidget(m_range);
    m_summary->setObjectName(QStringLiteral("StatsSummary"));
    m_summary->setProperty("muted", true);
    top->addWidget(m_summary, 1);
    v->addLayout(top);
    // Five charts do not fit every window: they scroll below the period and the summary.
    auto *scroll = new QScrollArea(this);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    m_body = new QWidget(scroll);
    m_body->setLayout(m_grid);
    m_grid->setContentsMargins(0, 0, 8, 0);
    m_grid->setSpacing(12);
    scroll->setWidget(m_body);
    v->addWidget(scroll, 1);
    connect(m_range, &QComboBox::currentIndexChanged, this, &StatsPage::reload);
}

StatsCharts *StatsPage::charts(QString *error)
{
    static std::unique_ptr<QPluginLoader> loader;
    static StatsCharts *charts = nullptr;
    static QString why;
    static bool tried = false;
    if (!std::exchange(tried, true))
        charts = plugins::load<StatsCharts>(QStringLiteral("kith_charts"), &loader, &why);
    if (error)
        *error = why;
    return charts;
}

void StatsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!std::exchange(m_loaded, true))
        reload();
}

void StatsPage::clearCharts()
{
    while (QLayoutItem *item = m_grid->takeAt(0)) {
        delete item->widget();
        delete item;
    }
}

void StatsPage::reload()
{
    const int days = m_range->currentData().toInt();
    const int request = ++m_request;
    m_summary->setText(tr("Loading…"));
    m_state->admin()->stats(m_guild, days, this, [this, days, request](bool ok, const QString &error, const GuildAdmin::Stats &s) {
        if (request != m_request)
            return; // the range changed meanwhile
        clearCharts();
        if (!ok) {
            m_summary->setText(error);
            return;
        }
        int total = 0;
        QPair<QDate, int> busiest{{}, 0};
        for (const auto &point : s.messagesPerDay) {
            total += point.second;
            if (point.second > busiest.second)
                busiest = point;
        }
        const QLocale locale;
        m_summary->setText(busiest.second
                               ? tr("%n messages in %1 days; the busiest day was %2.", nullptr, total)
                                     .arg(days)
                                     .arg(locale.toString(busiest.first, QLocale::LongFormat))
                               : tr("No messages in the last %1 days.").arg(days));

        QList<QPair<QString, int>> senders, channels, connected;
        for (const auto &[user, count] : s.topSenders)
            senders.append({shownName(user), count});
        for (const auto &[user, count] : s.mostConnected)
            connected.append({shownName(user), count});
        for (const auto &[id, count] : s.busiestChannels) {
            const Channel c = m_state->channel(id);
            channels.append({c.id ? QLatin1Char('#') + c.name : tr("a deleted channel"), count});
        }
        const StatsCharts::Colors colors{m_theme->color(QStringLiteral("sidebar")), m_theme->color(QStringLiteral("text")),
                                         m_theme->color(QStringLiteral("textMuted")),
                                         m_theme->color(QStringLiteral("separator")),
                                         m_theme->color(QStringLiteral("accent"))};
        StatsCharts *plugin = charts();
        auto days_ = [&](const QString &title, const QList<QPair<QDate, int>> &points) -> QWidget * {
            if (plugin)
                return plugin->days(title, points, colors, m_body);
            QStringList rows;
            for (const auto &[day, count] : points)
                if (count)
                    rows.append(QStringLiteral("%1: %2").arg(locale.toString(day, QLocale::ShortFormat)).arg(count));
            return listOf(title, rows, m_body);
        };
        auto bars = [&](const QString &title, const QList<QPair<QString, int>> &items) -> QWidget * {
            if (plugin)
                return plugin->bars(title, items, colors, m_body);
            QStringList rows;
            for (const auto &[name, count] : items)
                rows.append(QStringLiteral("%1: %2").arg(name).arg(count));
            return listOf(title, rows, m_body);
        };
        auto add = [&](QWidget *w, const char *name, int row, int column, int columnSpan = 1) {
            w->setObjectName(QLatin1String(name));
            m_grid->addWidget(w, row, column, 1, columnSpan);
        };
        add(days_(tr("Messages per day"), s.messagesPerDay), "StatsMessages", 0, 0, 2);
        add(bars(tr("Top senders"), senders), "StatsSenders", 1, 0);
        add(bars(tr("Busiest channels"), channels), "StatsChannels", 1, 1);
        add(days_(tr("Most online at once"), s.peakOnline), "StatsPeakOnline", 2, 0);
        add(bars(tr("Connects most"), connected), "StatsConnected", 2, 1);
    });
}

} // namespace kith::app
