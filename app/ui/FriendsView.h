#pragma once
//! Home's main pane when no DM is open: my friends in tabs (Online, All, Pending, Blocked), an
//! "Add friend" field, and on each row what can be done (message, accept, decline, cancel,
//! remove, block, unblock).

#include "shared/Types.h"

#include <QWidget>

class QAction;
class QButtonGroup;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTimer;

class QToolButton;

namespace kith::app {

class ClientState;
class Theme;

class FriendsView : public QWidget
{
    Q_OBJECT
public:
    enum class Tab { Online, All, Pending, Blocked };

    FriendsView(ClientState *state, const Theme *theme, QWidget *parent = nullptr);

    void setTab(Tab tab);
    Tab tab() const { return m_tab; }
    QListWidget *list() const { return m_list; }
    QLineEdit *addField() const { return m_addField; }
    QPushButton *addButton() const { return m_addButton; }
    //! The action button `name` ("Message", "Accept", "More", …) on the row of `userId`, or null.
    QPushButton *action(Id userId, const QString &name) const;
    //! An entry of a friend's "More" menu ("Remove", "Block"), or null.
    QAction *moreAction(Id userId, const QString &name) const;
    //! The count on the Pending tab: requests waiting for my answer; empty when none.
    QString pendingBadge() const;
    QString emptyText() const;
    //! The answer to the last "Add friend", while it shows.
    QString resultText() const;

    //! The header's button that shows the channel list in a narrow window.
    QToolButton *channelsToggle() const { return m_channelsToggle; }

signals:
    //! "Group" on a friend's row: start a group message with them ticked.
    void groupDmRequested(const User &user);
    void channelsToggled();
    //! The "no server yet" card's buttons.
    void createGuildRequested();
    void joinGuildRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    QToolButton *m_channelsToggle = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_noGuildsTitle = nullptr;
    QLabel *m_noGuildsText = nullptr;
    QPushButton *m_createGuild = nullptr;
    QPushButton *m_joinGuild = nullptr;
    QLabel *m_addTitle = nullptr;
    QLabel *m_pendingBadge = nullptr;
    void syncPendingBadge();
    void syncNoGuilds();
    QWidget *m_noGuilds = nullptr;
    void rebuild();
    void submitAdd();
    QWidget *makeRow(const User &user, const QString &type);

    ClientState *m_state;
    const Theme *m_theme;
    Tab m_tab = Tab::Online;
    QButtonGroup *m_tabs;
    QListWidget *m_list;
    QLineEdit *m_addField;
    QPushButton *m_addButton;
    QLabel *m_empty;
    QLabel *m_result;
    QTimer *m_resultTimer;
};

} // namespace kith::app
