#pragma once
//! Bottom of the channel sidebar: my avatar with my status, my name, the connection state or my
//! custom status, help, settings. Clicking the avatar or name opens my status menu.

#include "net/Connection.h"

#include <QWidget>
#include <memory>

class QLabel;
class QAction;
class QMenu;
class QToolButton;

namespace kith::app {

class ClientState;
class Theme;

class UserFooter : public QWidget
{
    Q_OBJECT
public:
    UserFooter(Connection *connection, ClientState *state, const Theme *theme, QWidget *parent = nullptr);
    ~UserFooter() override;
    QString statusText() const;
    //! The status menu (online, idle, do not disturb, invisible, custom status); the caller owns it.
    QMenu *makeStatusMenu();
    static QString statusName(const QString &status);

signals:
    void settingsRequested();
    //! Status menu → Edit profile (name and avatar).
    void profileRequested();
    //! Help → Connection log.
    void connectionLogRequested();

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    const User &me() const;
    void refresh();
    void retranslate();
    void askCustomStatus();

    Connection *m_connection;
    ClientState *m_state;
    const Theme *m_theme;
    QLabel *m_name;
    QLabel *m_status;
    QToolButton *m_help;
    QToolButton *m_gear;
    QAction *m_logAction;
    //! Outside the widget tree: a menu inside the window is polished with it, which dresses it
    //! with the style sheet before the first paint; this one is polished when it first opens.
    std::unique_ptr<QMenu> m_helpMenu;
};

} // namespace kith::app
