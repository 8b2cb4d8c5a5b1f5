package org.meterline.operation.internal;

import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.meterline.archive.api.AcquisitionModuleInput;
import org.meterline.archive.api.Meter;
import org.meterline.archive.api.MeterCommunicationInput;
import org.meterline.archive.api.MeterInput;
import org.meterline.archive.api.MeterModelInput;
import org.meterline.archive.api.ModuleType;
import org.meterline.archive.internal.AcquisitionModuleServiceImpl;
import org.meterline.archive.internal.ArchiveSchema;
import org.meterline.archive.internal.MeterCommunicationServiceImpl;
import org.meterline.archive.internal.MeterModelServiceImpl;
import org.meterline.archive.internal.MeterServiceImpl;
import org.meterline.core.api.Caller;
import org.meterline.driver.dlms.internal.DlmsDriver;
import org.meterline.driver.internal.DriverRegistryImpl;
import org.meterline.driver.internal.MeterAccessImpl;
import org.meterline.simulator.SimulatedMeter;

/**
 * The real pieces under meter operation, as Karaf wires them, on one embedded Derby database: the
 * archive (meters, models, modules, sealed keys), the driver registry with the DLMS driver, and
 * meter access.
 */
final class Platform implements AutoCloseable {

    final EmbeddedDataSource ds;
    final EntityManagerFactory archiveEmf;
    final EntityManagerFactory operationEmf;
    final MeterServiceImpl meters;
    final MeterModelServiceImpl models;
    final AcquisitionModuleServiceImpl modules;
    final MeterCommunicationServiceImpl communication;
    final DriverRegistryImpl drivers = new DriverRegistryImpl();
    final MeterAccessImpl access;

    /**
     * @param counters where the DLMS driver keeps its invocation counters: shared by every platform that
     *     talks to the same fleet, since a meter refuses a counter it has seen
     */
    Platform(Path dir, Path counters) {
        ds = new EmbeddedDataSource();
        ds.setDatabaseName(dir.resolve("db").toString());
        ds.setCreateDatabase("create");
        archiveEmf = Persistence.createEntityManagerFactory("meterline.archive",
                Map.of("javax.persistence.nonJtaDataSource", ds));
        operationEmf = Persistence.createEntityManagerFactory("meterline.operation",
                Map.of("javax.persistence.nonJtaDataSource", ds));
        ArchiveSchema schema = new ArchiveSchema(ds, archiveEmf);
        meters = new MeterServiceImpl(schema);
        models = new MeterModelServiceImpl(schema);
        modules = new AcquisitionModuleServiceImpl(schema);
        communication = Components.activate(MeterCommunicationServiceImpl.class, schema,
                new Components.Conf(Map.of("secretKeyFile", dir.resolve("secret.key").toString())));
        drivers.addDriver(Components.activate(DlmsDriver.class, new Components.Conf(Map.of("profileDirectory", "",
                "counterDirectory", counters.toString(), "counterSync", false))));
        access = Components.activate(MeterAccessImpl.class, drivers, meters, models, modules, communication,
                new Components.Conf(Map.of("connectTimeoutSeconds", 10, "responseTimeoutSeconds", 3)));
    }

    MeterOperationsImpl operations(int threads, int queue, int timeoutSeconds) {
        return Components.activate(MeterOperationsImpl.class, ds, operationEmf, access, drivers, meters, models,
                new Components.Conf(Map.of("threads", threads, "queueCapacity", queue, "timeoutSeconds",
                        timeoutSeconds)));
    }

    long model(Caller c, String manufacturer, String model) {
        return models.createMeterModel(c, new MeterModelInput(manufacturer, model, null, 3, null)).id();
    }

    long module(Caller c, String serial, String address) {
        return modules.createModule(c, new AcquisitionModuleInput(serial, ModuleType.ETHERNET, null, null, address,
                null)).id();
    }

    /** An archive meter for a simulated one, with its keys. */
    Meter meter(Caller c, long model, long module, SimulatedMeter sim) {
        Meter m = meters.createMeter(c, new MeterInput(sim.serialNumber(), model, module, null, null, null, null, null,
                null, null));
        HexFormat hex = HexFormat.of();
        communication.setCommunication(c, m.id(), new MeterCommunicationInput(sim.logicalDevice(), sim.clientId(),
                "hls5-gmac", null, hex.formatHex(sim.authenticationKey()), hex.formatHex(sim.encryptionKey()),
                hex.formatHex(sim.masterKey())));
        return m;
    }

    List<EntityManagerFactory> factories() {
        return List.of(archiveEmf, operationEmf);
    }

    @Override
    public void close() {
        operationEmf.close();
        archiveEmf.close();
    }
}
