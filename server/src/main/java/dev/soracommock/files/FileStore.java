package dev.soracommock.files;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Table {@code harvest_file}: every method takes the operator first (but the download look-up, see there). */
@Repository
class FileStore {

    /** A file or directory; {@code content} is only read where asked for. */
    record Row(long id, String operatorId, String scope, String filePath, String parent, String filename,
            boolean directory, String contentType, byte[] content, Long contentLength, String etag, String downloadId,
            long createdAt, long modifiedAt) {
    }

    private static final String META = "id, operator_id, scope, file_path, parent, filename, is_directory, content_type,"
            + " content_length, etag, download_id, created_at, modified_at";

    private static final RowMapper<Row> META_ROW = (rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getString(6), rs.getBoolean(7), rs.getString(8), null,
            (Long) rs.getObject(9, Long.class), rs.getString(10), rs.getString(11), rs.getLong(12), rs.getLong(13));

    private final JdbcTemplate jdbc;

    FileStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Row> find(String operatorId, String scope, String filePath) {
        return jdbc.query("select " + META + " from harvest_file where operator_id = ? and scope = ? and file_path = ?",
                META_ROW, operatorId, scope, filePath).stream().findFirst();
    }

    List<Row> children(String operatorId, String scope, String parent) {
        return jdbc.query("select " + META + " from harvest_file where operator_id = ? and scope = ? and parent = ?",
                META_ROW, operatorId, scope, parent);
    }

    boolean hasChildren(String operatorId, String scope, String parent) {
        Integer n = jdbc.queryForObject("select count(*) from harvest_file where operator_id = ? and scope = ?"
                + " and parent = ?", Integer.class, operatorId, scope, parent);
        return n != null && n > 0;
    }

    /** The files (not directories) whose path starts with {@code prefix} (a LIKE literal, escaped). */
    List<Row> filesStartingWith(String operatorId, String scope, String prefixLiteral) {
        return jdbc.query("select " + META + " from harvest_file where operator_id = ? and scope = ?"
                + " and is_directory = false and file_path like ? escape '\\'", META_ROW, operatorId, scope,
                prefixLiteral + "%");
    }

    void insertDirectory(String operatorId, String scope, String filePath, String parent, String filename, long now) {
        jdbc.update("insert into harvest_file (operator_id, scope, file_path, parent, filename, is_directory, created_at,"
                + " modified_at) values (?,?,?,?,?,true,?,?)", operatorId, scope, filePath,
                parent, filename, now, now);
    }

    void touch(long id, long now) {
        jdbc.update("update harvest_file set modified_at = ? where id = ?", now, id);
    }

    void insertFile(String operatorId, String scope, String filePath, String parent, String filename,
            String contentType, byte[] content, String etag, String downloadId, long now) {
        jdbc.update("insert into harvest_file (operator_id, scope, file_path, parent, filename, is_directory,"
                + " content_type, content, content_length, etag, download_id, created_at, modified_at)"
                + " values (?,?,?,?,?,false,?,?,?,?,?,?,?)", operatorId, scope, filePath, parent, filename, contentType,
                content, (long) content.length, etag, downloadId, now, now);
    }

    void replaceContent(String operatorId, long id, String contentType, byte[] content, String etag, long now) {
        jdbc.update("update harvest_file set content_type = ?, content = ?, content_length = ?, etag = ?, modified_at = ?"
                + " where operator_id = ? and id = ?", contentType, content, (long) content.length, etag, now,
                operatorId, id);
    }

    void delete(String operatorId, long id) {
        jdbc.update("delete from harvest_file where operator_id = ? and id = ?", operatorId, id);
    }

    /**
     * A file by the name of its download URL: the URL itself is the credential (as the real pre-signed URL), so
     * this look-up is not by operator.
     */
    Optional<Row> byDownloadId(String downloadId) {
        return jdbc.query("select " + META + ", content from harvest_file where download_id = ? and is_directory = false",
                (rs, i) -> {
                    Row m = META_ROW.mapRow(rs, i);
                    return new Row(m.id(), m.operatorId(), m.scope(), m.filePath(), m.parent(), m.filename(), false,
                            m.contentType(), rs.getBytes(14), m.contentLength(), m.etag(), m.downloadId(),
                            m.createdAt(), m.modifiedAt());
                }, downloadId).stream().findFirst();
    }
}
