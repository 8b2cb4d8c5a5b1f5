package org.meterline.archive.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HexFormat;
import org.meterline.archive.api.CommSecurity;
import org.meterline.archive.api.MeterCommunication;
import org.meterline.archive.api.MeterCommunicationInput;
import org.meterline.archive.api.MeterCommunicationService;
import org.meterline.archive.api.MeterCredentials;
import org.meterline.core.api.Caller;
import org.meterline.core.api.Checks;
import org.meterline.core.api.NotFoundException;
import org.meterline.core.api.Permission;
import org.meterline.persistence.Jpa;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Meter communication settings. Secrets are sealed by {@link SecretBox} before they reach the
 * database and opened only for {@link #credentials}; nothing here logs them.
 */
@Component(service = MeterCommunicationService.class, configurationPid = "org.meterline.archive")
@Designate(ocd = MeterCommunicationServiceImpl.Config.class)
public class MeterCommunicationServiceImpl implements MeterCommunicationService {

    @ObjectClassDefinition(name = "Meterline archive")
    @interface Config {
        @AttributeDefinition(description = "File holding the 256-bit key that seals meter secrets in the database; "
                + "created on first use. Empty: ${karaf.etc}/meterline-secret.key. Back it up apart from the database.")
        String secretKeyFile() default "";
    }

    private static final HexFormat HEX = HexFormat.of();

    private final Jpa jpa;
    private final SecretBox box;

    @Activate
    public MeterCommunicationServiceImpl(@Reference ArchiveSchema schema, Config config) {
        this(schema, keyFile(config.secretKeyFile()));
    }

    MeterCommunicationServiceImpl(ArchiveSchema schema, Path keyFile) {
        this.jpa = schema.jpa();
        this.box = SecretBox.open(keyFile);
    }

    static Path keyFile(String configured) {
        if (configured != null && !configured.isBlank()) {
            return Paths.get(configured.trim());
        }
        return Paths.get(System.getProperty("karaf.etc", "etc"), "meterline-secret.key");
    }

    @Override
    public MeterCommunication getCommunication(Caller caller, long meterId) {
        caller.require(Permission.read(ArchiveSchema.AREA));
        return jpa.inTenant(caller.tenantId(), em -> {
            requireMeter(em, meterId);
            MeterCommEntity c = em.find(MeterCommEntity.class, meterId);
            return c == null ? MeterCommunication.defaults(meterId) : toDto(caller.tenantId(), c);
        });
    }

    @Override
    public MeterCommunication setCommunication(Caller caller, long meterId, MeterCommunicationInput in) {
        caller.require(Permission.write(ArchiveSchema.AREA));
        Checks checks = new Checks();
        CommSecurity security = in.security() == null ? null : CommSecurity.fromId(in.security()).orElse(null);
        checks.check(in.security() != null && !in.security().isBlank(), "security", "is required");
        checks.check(in.security() == null || in.security().isBlank() || security != null, "security",
                "must be one of none, lls, hls5-gmac");
        checks.check(in.logicalDevice() == null || in.logicalDevice() >= 1 && in.logicalDevice() <= 65535,
                "logicalDevice", "must be 1..65535");
        checks.check(in.clientId() == null || in.clientId() >= 1 && in.clientId() <= 65535, "clientId",
                "must be 1..65535");
        byte[] password = given(in.password()) ? in.password().getBytes(StandardCharsets.UTF_8) : null;
        checks.check(password == null || password.length <= 64, "password", "must be at most 64 bytes");
        byte[] auth = key(checks, "authenticationKey", in.authenticationKey());
        byte[] enc = key(checks, "encryptionKey", in.encryptionKey());
        byte[] master = key(checks, "masterKey", in.masterKey());
        checks.throwIfAny();
        long tenant = caller.tenantId();
        return jpa.inTenant(tenant, em -> {
            requireMeter(em, meterId);
            MeterCommEntity c = em.find(MeterCommEntity.class, meterId);
            byte[][] stored = c == null || c.secrets == null ? new byte[4][0] : box.open(tenant, meterId, c.secrets, 4);
            byte[][] next = {pick(password, stored[0]), pick(auth, stored[1]), pick(enc, stored[2]),
                pick(master, stored[3])};
            Checks missing = new Checks();
            missing.check(security != CommSecurity.LLS || next[0].length > 0, "password", "is required for lls");
            missing.check(security != CommSecurity.HLS5_GMAC || next[1].length > 0, "authenticationKey",
                    "is required for hls5-gmac");
            missing.check(security != CommSecurity.HLS5_GMAC || next[2].length > 0, "encryptionKey",
                    "is required for hls5-gmac");
            missing.throwIfAny();
            if (c == null) {
                c = new MeterCommEntity();
                c.meterId = meterId;
                em.persist(c);
            }
            c.logicalDevice = in.logicalDevice() == null ? 1 : in.logicalDevice();
            c.clientId = in.clientId() == null ? defaultClient(security) : in.clientId();
            c.security = security;
            // Changing to "none" forgets every secret; a password is kept only for lls, keys only for hls.
            if (security == CommSecurity.NONE) {
                c.secrets = null;
            } else {
                byte[] noSecret = new byte[0];
                c.secrets = box.seal(tenant, meterId, security == CommSecurity.LLS ? next[0] : noSecret,
                        security == CommSecurity.HLS5_GMAC ? next[1] : noSecret,
                        security == CommSecurity.HLS5_GMAC ? next[2] : noSecret,
                        security == CommSecurity.HLS5_GMAC ? next[3] : noSecret);
            }
            return toDto(tenant, c);
        });
    }

    @Override
    public MeterCredentials credentials(Caller caller, long meterId) {
        caller.require(Permission.read(ArchiveSchema.AREA));
        long tenant = caller.tenantId();
        return jpa.inTenant(tenant, em -> {
            requireMeter(em, meterId);
            MeterCommEntity c = em.find(MeterCommEntity.class, meterId);
            if (c == null) {
                return new MeterCredentials(MeterCommunication.defaults(meterId), null, null, null, null);
            }
            byte[][] s = c.secrets == null ? new byte[4][0] : box.open(tenant, meterId, c.secrets, 4);
            return new MeterCredentials(toDto(tenant, c), s[0], s[1], s[2], s[3]);
        });
    }

    /** The client a security level uses unless told otherwise (DLMS: public 16, reading 17, management 1). */
    static int defaultClient(CommSecurity security) {
        return switch (security) {
            case NONE -> 16;
            case LLS -> 17;
            case HLS5_GMAC -> 1;
        };
    }

    /** Removes a meter's settings; called when the meter is deleted. */
    static void delete(javax.persistence.EntityManager em, long meterId) {
        em.createQuery("DELETE FROM MeterCommEntity c WHERE c.meterId = :id").setParameter("id", meterId)
                .executeUpdate();
    }

    private MeterCommunication toDto(long tenant, MeterCommEntity c) {
        boolean password = false;
        boolean keys = false;
        if (c.secrets != null) {
            byte[][] s = box.open(tenant, c.meterId, c.secrets, 4);
            password = s[0].length > 0;
            keys = s[1].length > 0 && s[2].length > 0;
            for (byte[] b : s) {
                java.util.Arrays.fill(b, (byte) 0);
            }
        }
        return new MeterCommunication(c.meterId, c.logicalDevice, c.clientId, c.security, password, keys);
    }

    private static void requireMeter(javax.persistence.EntityManager em, long meterId) {
        if (em.find(MeterEntity.class, meterId) == null) {
            throw NotFoundException.of("Meter", meterId);
        }
    }

    private static boolean given(String s) {
        return s != null && !s.isEmpty();
    }

    private static byte[] pick(byte[] given, byte[] stored) {
        return given != null ? given : stored;
    }

    /** A 16-byte key from 32 hex digits (blanks and ':' ignored); null when not given. */
    private static byte[] key(Checks checks, String field, String text) {
        if (!given(text) || text.isBlank()) {
            return null;
        }
        String hex = text.replaceAll("[\\s:]", "");
        if (!hex.matches("[0-9A-Fa-f]{32}")) {
            checks.fail(field, "must be 32 hexadecimal digits (16 bytes)");
            return null;
        }
        return HEX.parseHex(hex);
    }
}
