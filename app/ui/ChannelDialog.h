#pragma once
//! Create a channel, or change a channel's name and topic.

#include <QDialog>

class QLineEdit;

namespace kith::app {

class ChannelDialog : public QDialog
{
    Q_OBJECT
public:
    ChannelDialog(const QString &name, const QString &topic, bool create, QWidget *parent = nullptr);
    QString name() const;
    QString topic() const;

private:
    QLineEdit *m_name;
    QLineEdit *m_topic;
};

} // namespace kith::app
