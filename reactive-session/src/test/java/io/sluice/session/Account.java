package io.sluice.session;

import io.sluice.session.mapping.Entity;
import io.sluice.session.mapping.Generated;
import io.sluice.session.mapping.Id;
import io.sluice.session.mapping.MappedColumn;
import io.sluice.session.mapping.Version;
import java.math.BigDecimal;

/** An entity with a unique column and a version, for flush and locking tests. */
@Entity(table = "session_accounts")
public class Account {

    @Id
    @Generated
    private Long id;

    @MappedColumn(length = 20, nullable = false, unique = true)
    private String code;

    @MappedColumn(precision = 12, scale = 2)
    private BigDecimal balance;

    @Version
    private Long version;

    protected Account() {}

    public Account(String code, String balance) {
        this.code = code;
        this.balance = new BigDecimal(balance);
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public BigDecimal getBalance() {
        return balance;
    }

    public void setBalance(BigDecimal balance) {
        this.balance = balance;
    }

    public Long getVersion() {
        return version;
    }

    @Override
    public String toString() {
        return "Account(" + code + ", " + balance + ")";
    }
}
