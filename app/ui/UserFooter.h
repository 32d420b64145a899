#pragma once
//! Bottom of the channel sidebar: my avatar and name, the connection state, settings.

#include "net/Connection.h"

#include <QWidget>

class QLabel;

namespace kith::app {

class Theme;

class UserFooter : public QWidget
{
    Q_OBJECT
public:
    UserFooter(Connection *connection, const Theme *theme, QWidget *parent = nullptr);
    QString statusText() const;

signals:
    void settingsRequested();

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void refresh();

    Connection *m_connection;
    const Theme *m_theme;
    QLabel *m_name;
    QLabel *m_status;
};

} // namespace kith::app
