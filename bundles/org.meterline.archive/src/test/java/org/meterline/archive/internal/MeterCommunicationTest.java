package org.meterline.archive.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meterline.archive.api.CommSecurity;
import org.meterline.archive.api.Meter;
import org.meterline.archive.api.MeterCommunication;
import org.meterline.archive.api.MeterCommunicationInput;
import org.meterline.archive.api.MeterCredentials;
import org.meterline.archive.api.MeterInput;
import org.meterline.archive.api.MeterModelInput;
import org.meterline.core.api.Caller;
import org.meterline.core.api.FieldError;
import org.meterline.core.api.ForbiddenException;
import org.meterline.core.api.NotFoundException;
import org.meterline.core.api.Role;
import org.meterline.core.api.ValidationException;

/** Meter communication settings with sealed secrets, against a real embedded Derby database. */
class MeterCommunicationTest {

    private static final String AUTH = "000102030405060708090a0b0c0d0e0f";
    private static final String ENC = "101112131415161718191a1b1c1d1e1f";

    @TempDir
    Path dir;

    private EntityManagerFactory emf;
    private EmbeddedDataSource ds;
    private ArchiveSchema schema;
    private MeterServiceImpl meters;
    private MeterCommunicationServiceImpl comms;
    private final Caller acme = new Caller("ann", 1, 10, 10, EnumSet.of(Role.OPERATOR));
    private final Caller acmeViewer = new Caller("vic", 3, 10, 10, EnumSet.of(Role.VIEWER));
    private final Caller beta = new Caller("bob", 2, 20, 20, EnumSet.of(Role.OPERATOR));
    private Meter meter;

    @BeforeEach
    void start() {
        ds = new EmbeddedDataSource();
        ds.setDatabaseName(dir.resolve("db").toString());
        ds.setCreateDatabase("create");
        emf = Persistence.createEntityManagerFactory("meterline.archive", Map.of("javax.persistence.nonJtaDataSource", ds));
        schema = new ArchiveSchema(ds, emf);
        meters = new MeterServiceImpl(schema);
        comms = new MeterCommunicationServiceImpl(schema, dir.resolve("etc/meterline-secret.key"));
        long model = new MeterModelServiceImpl(schema).createMeterModel(acme,
                new MeterModelInput("Iskra", "AM550", null, 3, null)).id();
        meter = meters.createMeter(acme, new MeterInput("SN-1", model, null, null, null, null, null, null, null, null));
    }

    @AfterEach
    void stop() {
        emf.close();
    }

    private static MeterCommunicationInput hls(String auth, String enc) {
        return new MeterCommunicationInput(7, null, "hls5-gmac", null, auth, enc, null);
    }

    @Test
    void aMeterWithoutSettingsUsesThePublicClient() {
        assertEquals(MeterCommunication.defaults(meter.id()), comms.getCommunication(acme, meter.id()));
        MeterCredentials c = comms.credentials(acme, meter.id());
        assertEquals(16, c.settings().clientId());
        assertEquals(0, c.authenticationKey().length);
    }

    @Test
    void keysAreStoredSealedAndOpenOnlyForCredentials() throws Exception {
        MeterCommunication saved = comms.setCommunication(acme, meter.id(), hls(AUTH, ENC.toUpperCase()));
        assertEquals(new MeterCommunication(meter.id(), 7, 1, CommSecurity.HLS5_GMAC, false, true), saved);
        assertEquals(saved, comms.getCommunication(acme, meter.id()));

        MeterCredentials c = comms.credentials(acme, meter.id());
        assertArrayEquals(HexFormat.of().parseHex(AUTH), c.authenticationKey());
        assertArrayEquals(HexFormat.of().parseHex(ENC), c.encryptionKey());
        assertFalse(c.toString().contains("0102"), c.toString());

        // the database holds neither key in any form a reader could recognise
        try (Connection con = ds.getConnection(); Statement st = con.createStatement();
                ResultSet rs = st.executeQuery("SELECT SECRETS FROM ML_METER_COMM")) {
            assertTrue(rs.next());
            String stored = rs.getString(1);
            assertFalse(stored.toLowerCase().contains(AUTH) || stored.toLowerCase().contains(ENC), stored);
        }
        // the key file is the owner's only
        Path keyFile = dir.resolve("etc/meterline-secret.key");
        Set<String> perms = Files.getPosixFilePermissions(keyFile).stream().map(Object::toString)
                .collect(Collectors.toSet());
        assertEquals(Set.of("OWNER_READ", "OWNER_WRITE"), perms);
    }

    @Test
    void emptySecretsKeepTheStoredOnesAndNoneForgetsThem() {
        comms.setCommunication(acme, meter.id(), hls(AUTH, ENC));
        comms.setCommunication(acme, meter.id(), new MeterCommunicationInput(9, 1, "hls5-gmac", null, "", null, null));
        assertArrayEquals(HexFormat.of().parseHex(AUTH), comms.credentials(acme, meter.id()).authenticationKey());
        assertEquals(9, comms.getCommunication(acme, meter.id()).logicalDevice());

        comms.setCommunication(acme, meter.id(), new MeterCommunicationInput(9, null, "none", null, null, null, null));
        assertEquals(0, comms.credentials(acme, meter.id()).authenticationKey().length);
        assertEquals(16, comms.getCommunication(acme, meter.id()).clientId());
        // back to hls needs the keys again
        ValidationException e = assertThrows(ValidationException.class,
                () -> comms.setCommunication(acme, meter.id(), hls(null, null)));
        assertEquals(Set.of("authenticationKey", "encryptionKey"),
                e.errors().stream().map(FieldError::field).collect(Collectors.toSet()));
    }

    @Test
    void llsNeedsAPasswordAndBadInputIsNamed() {
        ValidationException e = assertThrows(ValidationException.class, () -> comms.setCommunication(acme, meter.id(),
                new MeterCommunicationInput(0, 70000, "lls", null, "12ab", null, null)));
        assertEquals(Set.of("logicalDevice", "clientId", "authenticationKey"),
                e.errors().stream().map(FieldError::field).collect(Collectors.toSet()));
        assertThrows(ValidationException.class, () -> comms.setCommunication(acme, meter.id(),
                new MeterCommunicationInput(1, null, "lls", null, null, null, null)));
        assertThrows(ValidationException.class, () -> comms.setCommunication(acme, meter.id(),
                new MeterCommunicationInput(1, null, "kerberos", null, null, null, null)));
        MeterCommunication lls = comms.setCommunication(acme, meter.id(),
                new MeterCommunicationInput(1, null, "LLS", "12345678", null, null, null));
        assertEquals(17, lls.clientId());
        assertTrue(lls.passwordSet());
        assertArrayEquals("12345678".getBytes(StandardCharsets.UTF_8), comms.credentials(acme, meter.id()).password());
    }

    @Test
    void otherCustomersAndViewersCannotTouchSettings() {
        comms.setCommunication(acme, meter.id(), hls(AUTH, ENC));
        assertThrows(NotFoundException.class, () -> comms.getCommunication(beta, meter.id()));
        assertThrows(NotFoundException.class, () -> comms.credentials(beta, meter.id()));
        assertThrows(NotFoundException.class, () -> comms.setCommunication(beta, meter.id(), hls(AUTH, ENC)));
        assertThrows(ForbiddenException.class, () -> comms.setCommunication(acmeViewer, meter.id(), hls(AUTH, ENC)));
    }

    @Test
    void aSealedValueMovedToAnotherMeterDoesNotOpen() throws Exception {
        comms.setCommunication(acme, meter.id(), hls(AUTH, ENC));
        SecretBox box = SecretBox.open(dir.resolve("etc/meterline-secret.key"));
        String sealed = box.seal(10, meter.id(), new byte[] {1}, new byte[0], new byte[0], new byte[0]);
        assertEquals(1, box.open(10, meter.id(), sealed, 4)[0][0]);
        assertThrows(IllegalStateException.class, () -> box.open(10, meter.id() + 1, sealed, 4));
        assertThrows(IllegalStateException.class, () -> box.open(20, meter.id(), sealed, 4));
        // a different key file cannot open what the first one sealed
        SecretBox other = SecretBox.open(dir.resolve("other.key"));
        assertThrows(IllegalStateException.class, () -> other.open(10, meter.id(), sealed, 4));
    }

    @Test
    void deletingTheMeterDeletesItsSettings() {
        comms.setCommunication(acme, meter.id(), hls(AUTH, ENC));
        meters.deleteMeter(acme, meter.id());
        assertThrows(NotFoundException.class, () -> comms.getCommunication(acme, meter.id()));
    }
}
