package io.sluice.session;

import io.sluice.session.mapping.Entity;
import io.sluice.session.mapping.Id;
import io.sluice.session.mapping.MappedColumn;

/** An object whose key the application assigns, for the tests of generated keys. */
@Entity(table = "seq_assigned")
public class SeqAssigned {

    @Id
    @MappedColumn(length = 20)
    private String code;

    @MappedColumn(length = 30)
    private String name;

    protected SeqAssigned() {}

    public SeqAssigned(String code, String name) {
        this.code = code;
        this.name = name;
    }

    public String getCode() {
        return code;
    }
}
