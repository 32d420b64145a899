#pragma once
//! Server settings → Statistics: messages per day, top senders, busiest channels, peak online
//! and who connects most, from stats.guild. The charts come from the charts plugin, loaded the
//! first time the page is shown; without it the page lists the same figures.

#include "shared/Types.h"

#include <QWidget>

class QComboBox;
class QGridLayout;
class QLabel;

namespace kith::app {

class ClientState;
class StatsCharts;
class Theme;

class StatsPage : public QWidget
{
    Q_OBJECT
public:
    StatsPage(ClientState *state, const Theme *theme, Id guildId, QWidget *parent = nullptr);

    //! Asks the host again (the page asks by itself when first shown and when the range changes).
    void reload();
    //! The loaded charts plugin, or null (with the reason) when there is none: process-wide, loaded once.
    static StatsCharts *charts(QString *error = nullptr);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void clearCharts();

    ClientState *m_state;
    const Theme *m_theme;
    Id m_guild;
    QComboBox *m_range;
    QLabel *m_summary;
    QGridLayout *m_grid;
    QWidget *m_body = nullptr; //!< holds the charts, in a scroll area
    bool m_loaded = false;
    int m_request = 0; //!< the latest reload's number: answers to older ones are dropped
};

} // namespace kith::app
