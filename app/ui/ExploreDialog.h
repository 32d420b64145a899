#pragma once
//! Explore servers (issue 13): the host's directory of discoverable guilds, searched by words
//! of their name or description (directory.search), each with its icon, description, member
//! and online counts and a Join button (guild.join). A guild I am in says Open instead.

#include "shared/Types.h"
#include "state/GuildAdmin.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QListWidget;
class QTimer;

namespace kith::app {

class ClientState;
class Theme;

class ExploreDialog : public QDialog
{
    Q_OBJECT
public:
    ExploreDialog(ClientState *state, const Theme *theme, QWidget *parent = nullptr);
    //! Asks the host now for `query` (the field's text), without waiting for typing to pause.
    void search();
    //! The ids of the guilds listed, in order.
    QList<Id> shownGuilds() const;

signals:
    //! A search was answered and its results shown.
    void resultsShown();

private:
    void showResults(const QList<GuildAdmin::Listed> &guilds);
    QWidget *makeRow(const GuildAdmin::Listed &g);
    void join(Id guildId, QWidget *row);

    ClientState *m_state;
    const Theme *m_theme;
    QLineEdit *m_query;
    QListWidget *m_results;
    QLabel *m_empty;
    QLabel *m_status;
    QTimer *m_typing;
    QList<Id> m_shown;
    int m_asked = 0; //!< searches asked; an answer to an older one is dropped
};

} // namespace kith::app
