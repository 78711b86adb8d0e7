package io.sluice.spring.boot;

import io.sluice.spring.boot.app.TestApplication;
import io.sluice.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The test application on MARIADB: the starter and spring.r2dbc.url, nothing else. */
@SpringBootTest(classes = TestApplication.class)
class MariaDbTransactionIntegrationTests extends TransactionTests {

    @BeforeAll
    static void requireDatabase() {
        TestDatabase.MARIADB.engine();
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.r2dbc.url", TestDatabase.MARIADB::url);
    }
}
