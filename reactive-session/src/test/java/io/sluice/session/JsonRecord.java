package io.sluice.session;

import io.sluice.session.mapping.Entity;
import io.sluice.session.mapping.Id;
import io.sluice.session.mapping.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An entity with JSON fields of each shape: the text itself, an object of its own, a map and a list of objects. */
@Entity(table = "json_records")
public class JsonRecord {

    @Id
    Long id;

    @Json
    String raw;

    @Json
    Payload payload;

    @Json
    Map<String, Object> attributes;

    @Json
    List<Item> items;

    /** Immutable by construction: compared with equals, never written with Jackson to be compared. */
    @Json
    Point point;

    /** A record holding a list, declared immutable: replaced to change it. */
    @Json(immutable = true)
    Tags tags;

    /** A record of immutable components. */
    public record Point(int x, int y) {}

    /** A record holding a list. */
    public record Tags(List<String> names) {}

    protected JsonRecord() {}

    JsonRecord(Long id) {
        this.id = id;
    }

    /** A class of the application's, written by Jackson. */
    public static class Payload {
        public String customer;
        public int quantity;
        public List<String> notes = new ArrayList<>();

        public Payload() {}

        Payload(String customer, int quantity) {
            this.customer = customer;
            this.quantity = quantity;
        }
    }

    /** An element of a JSON list. */
    public record Item(String sku, int count) {}
}
