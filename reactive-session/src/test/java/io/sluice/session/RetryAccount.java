package io.sluice.session;

import io.sluice.session.mapping.Entity;
import io.sluice.session.mapping.Id;

/** An account that concurrent transfers lock and change. */
@Entity(table = "retry_account")
public class RetryAccount {
    @Id
    private Integer id;

    private Integer balance;

    protected RetryAccount() {}

    public RetryAccount(int id, int balance) {
        this.id = id;
        this.balance = balance;
    }

    public Integer getId() {
        return id;
    }

    public Integer getBalance() {
        return balance;
    }

    public void add(int amount) {
        balance = balance + amount;
    }
}
